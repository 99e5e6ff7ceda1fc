package io.clusterless.local.workload.athena;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partition folder's listing is reused only while every folder of its tree keeps the modification time it had,
 * and only when that time lies {@link PartitionFiles#SETTLED} before the listing began; hidden names are skipped.
 * Folder times are set by hand here, so the tests do not depend on when the file system stamps them.
 */
class PartitionFilesTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final FileTime LONG_AGO = FileTime.from(NOW.minus(Duration.ofHours(1)));

    @TempDir
    Path root;

    @Test
    void aSettledListingIsReusedUntilAFolderOfItsTreeChanges() throws IOException {
        Path day = Files.createDirectories(root.resolve("dt=b001"));
        Files.writeString(day.resolve("a.csv"), "1");
        Files.setLastModifiedTime(day, LONG_AGO);
        PartitionFiles files = PartitionFiles.reusing(() -> NOW);
        assertThat(names(files.files(day))).containsExactly("a.csv");

        // a file added behind an unchanged folder time is not seen: the listing was reused
        Files.writeString(day.resolve("b.csv"), "2");
        Files.setLastModifiedTime(day, LONG_AGO);
        assertThat(names(files.files(day))).containsExactly("a.csv");

        // any other time is a change: listed again
        Files.setLastModifiedTime(day, FileTime.from(NOW.minus(Duration.ofMinutes(30))));
        assertThat(names(files.files(day))).containsExactly("a.csv", "b.csv");

        // a folder below changes its own time, not the partition's
        Path below = Files.createDirectories(day.resolve("hour=01"));
        Files.setLastModifiedTime(below, LONG_AGO);
        Files.setLastModifiedTime(day, LONG_AGO);
        assertThat(names(files.files(day))).containsExactly("a.csv", "b.csv");
        Files.writeString(below.resolve("c.csv"), "3");
        assertThat(names(files.files(day))).containsExactly("a.csv", "b.csv", "hour=01/c.csv");
    }

    @Test
    void aFolderChangedShortlyBeforeItsListing_isListedAgainNextTime() throws IOException {
        Path day = Files.createDirectories(root.resolve("dt=b002"));
        Files.writeString(day.resolve("a.csv"), "1");
        // within SETTLED of the listing: a later change could carry the same coarse time
        FileTime recent = FileTime.from(NOW.minus(PartitionFiles.SETTLED).plusMillis(1));
        Files.setLastModifiedTime(day, recent);
        PartitionFiles files = PartitionFiles.reusing(() -> NOW);
        assertThat(names(files.files(day))).containsExactly("a.csv");

        Files.writeString(day.resolve("b.csv"), "2");
        Files.setLastModifiedTime(day, recent);

        assertThat(names(files.files(day))).containsExactly("a.csv", "b.csv");
    }

    @Test
    void hiddenNamesAreSkipped_aMissingFolderHasNoFiles_andALinkIsNeverReused() throws IOException {
        Path day = Files.createDirectories(root.resolve("dt=b003"));
        Files.writeString(day.resolve("a.csv"), "1");
        Files.writeString(day.resolve("_SUCCESS"), "");
        Files.writeString(day.resolve(".a.csv.crc"), "");
        Files.writeString(Files.createDirectories(day.resolve("_temporary")).resolve("b.csv"), "2");
        Path target = Files.writeString(root.resolve("outside.csv"), "3");
        Files.createSymbolicLink(day.resolve("linked.csv"), target);
        Files.setLastModifiedTime(day, LONG_AGO);
        PartitionFiles files = PartitionFiles.reusing(() -> NOW);

        assertThat(names(files.files(day))).containsExactly("a.csv", "linked.csv");
        assertThat(files.files(root.resolve("dt=none"))).isEmpty();
        // the link's target goes away without the folder changing: listed again, not reused
        Files.delete(target);
        assertThat(names(files.files(day))).containsExactly("a.csv");
    }

    private List<String> names(List<Path> files) {
        return files.stream().map(file -> root.relativize(file).toString().replace('\\', '/'))
                .map(name -> name.substring(name.indexOf('/') + 1)).toList();
    }
}

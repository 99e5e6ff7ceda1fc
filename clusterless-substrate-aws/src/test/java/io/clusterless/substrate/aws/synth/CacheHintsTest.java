package io.clusterless.substrate.aws.synth;

import io.clusterless.model.load.ProjectSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The guess whether the assembly cache will serve a project, taken before loading it (when jsii starts). */
class CacheHintsTest {
    @TempDir
    Path temp;

    @Test
    void recordedFiles_areHinted_andAnEditedFileIsNot() throws IOException {
        Path file = Files.writeString(temp.resolve("project.json"), "{\"a\": 1}");
        CacheHints hints = new CacheHints(temp.resolve("cache"));
        List<ProjectSource> sources = List.of(ProjectSource.file(file));
        assertThat(hints.present(CacheHints.of(sources, "1"))).isFalse();

        hints.record(CacheHints.of(sources, "1"));

        assertThat(hints.present(CacheHints.of(sources, "1"))).isTrue();
        assertThat(hints.present(CacheHints.of(sources, "2"))).as("another cls version").isFalse();
        Files.writeString(file, "{\"a\": 2}");
        assertThat(hints.present(CacheHints.of(sources, "1"))).as("edited").isFalse();
        Path other = Files.copy(file, temp.resolve("other.json"));
        hints.record(CacheHints.of(sources, "1"));
        assertThat(hints.present(CacheHints.of(List.of(ProjectSource.file(other)), "1"))).as("another path")
                .isFalse();
    }

    @Test
    void stdinNotReadYet_orAMissingFile_haveNoHint() {
        assertThat(CacheHints.of(List.of(new ProjectSource(ProjectSource.STDIN, null, null, null)), "1")).isEmpty();
        assertThat(CacheHints.of(List.of(ProjectSource.file(temp.resolve("missing.json"))), "1")).isEmpty();
        CacheHints hints = new CacheHints(temp.resolve("cache"));
        hints.record(Optional.empty());
        assertThat(hints.present(Optional.empty())).isFalse();
        assertThat(CacheHints.of(List.of(ProjectSource.text("-", "{}")), "1")).isPresent();
    }

    @Test
    void onlyTheNewestHints_areKept() throws IOException {
        CacheHints hints = new CacheHints(temp.resolve("cache"));
        for (int i = 0; i < CacheHints.KEEP + 5; i++) {
            Optional<String> hint = CacheHints.of(List.of(ProjectSource.text("-", "{\"n\": " + i + "}")), "1");
            hints.record(hint);
            // distinct, increasing times: the order does not depend on the file system's clock resolution
            Files.setLastModifiedTime(temp.resolve("cache/hints").resolve(hint.orElseThrow()),
                    FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        hints.record(CacheHints.of(List.of(ProjectSource.text("-", "{\"n\": -1}")), "1"));

        try (Stream<Path> kept = Files.list(temp.resolve("cache/hints"))) {
            assertThat(kept.count()).isEqualTo(CacheHints.KEEP);
        }
        assertThat(hints.present(CacheHints.of(List.of(ProjectSource.text("-", "{\"n\": 0}")), "1"))).isFalse();
        assertThat(hints.present(CacheHints.of(List.of(ProjectSource.text("-", "{\"n\": " + (CacheHints.KEEP + 4)
                + "}")), "1"))).isTrue();
    }
}

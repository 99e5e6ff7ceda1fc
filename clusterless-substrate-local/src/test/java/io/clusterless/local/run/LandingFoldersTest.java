package io.clusterless.local.run;

import io.clusterless.local.bus.LocalEventBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a landing folder takes as an arrival: only files whose writing has ended. */
class LandingFoldersTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final FileTime AN_HOUR_AGO = FileTime.from(NOW.minus(Duration.ofHours(1)));

    @TempDir
    Path root;

    private LandingFolders landing() throws Exception {
        return landing(NOW);
    }

    private LandingFolders landing(Instant runAt) throws Exception {
        Clock clock = Clock.fixed(runAt, ZoneOffset.UTC);
        LandingFolders landing = new LandingFolders(root.resolve("buckets"), root.resolve("arrivals.log"),
                new LocalEventBus("bus", clock), clock);
        landing.watch("b", "in/");
        Files.createDirectories(root.resolve("buckets/b/in"));
        return landing;
    }

    @Test
    void aFileStillOpenForWriting_isNoArrival_untilItsWriterClosesIt() throws Exception {
        try (LandingFolders landing = landing()) {
            Path file = root.resolve("buckets/b/in/big.csv");
            // a cp that paused mid-file, dated long enough ago that the settling time does not hold it back
            try (FileChannel writer = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writer.write(ByteBuffer.wrap("first half,".getBytes()));
                Files.setLastModifiedTime(file, AN_HOUR_AGO);

                LandingFolders.Look during = landing.look();

                assertThat(during.arrivals()).isZero();
                assertThat(during.unsettled()).isTrue();
                writer.write(ByteBuffer.wrap("second half".getBytes()));
            }
            Files.setLastModifiedTime(file, AN_HOUR_AGO);

            assertThat(landing.look().arrivals()).isEqualTo(1);
        }
    }

    @Test
    void theEndpointsTemporaryUploadFile_isNeverAnArrival() throws Exception {
        try (LandingFolders landing = landing()) {
            // s3proxy's filesystem store writes an upload of in/a.csv to in/a.csv-<UUID>, renamed when complete;
            // this one was left by a killed run
            Path temp = root.resolve("buckets/b/in/a.csv-" + UUID.randomUUID());
            Files.writeString(temp, "half an upl");
            Files.setLastModifiedTime(temp, AN_HOUR_AGO);
            Path done = Files.writeString(root.resolve("buckets/b/in/b.csv"), "complete");
            Files.setLastModifiedTime(done, AN_HOUR_AGO);

            LandingFolders.Look look = landing.look();

            assertThat(look.arrivals()).isEqualTo(1);
            assertThat(landing.hasNew()).isFalse();
        }
    }

    /**
     * A file dated at the instant a stopped run clock shows (cls local put on a test's clock) settles by the wall
     * clock: it is taken, not waited for on every look of a run that never ends, whether that clock is years behind
     * real time or ahead of it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2001-01-01T00:00:00Z", "2090-01-01T00:00:00Z"})
    void aFileDatedAtTheRunsStoppedClock_isAnArrival(String runAt) throws Exception {
        try (LandingFolders landing = landing(Instant.parse(runAt))) {
            Path file = Files.writeString(root.resolve("buckets/b/in/a.csv"), "complete");
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse(runAt)));

            LandingFolders.Look look = landing.look();

            assertThat(look.unsettled()).isFalse();
            assertThat(look.arrivals()).isEqualTo(1);
        }
    }
}

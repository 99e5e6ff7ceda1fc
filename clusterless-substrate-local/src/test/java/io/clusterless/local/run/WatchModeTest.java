package io.clusterless.local.run;

import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Without --until-idle a run keeps watching: a file landed while it runs is processed. */
class WatchModeTest {
    @TempDir
    Path root;

    @Test
    void aFileLandedWhileTheRunWatchesIsNoticedAndCopied() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "others/orders-intake.json");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (LocalRunner runner = new LocalRunner(placement.plan,
                new RunOptions(root, placement.projectDir, false, 1, Duration.ofMillis(50)), Clock.systemUTC())) {
            Thread watching = new Thread(() -> {
                try {
                    runner.run(progress -> { });
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            watching.start();
            placement.land("acme-partner-orders-drop", "orders/late.json", "{}",
                    LocalPlacement.within(placement.lotsAgo(LotUnit.SIXTHS, 1)));

            Path copied = placement.file("acme-orders-curated-eu-west-1", "orders/late.json");
            // waits for an outcome, not for a duration: the bound only keeps a broken run from hanging the build
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(copied) && System.nanoTime() < deadline && watching.isAlive()) {
                Thread.sleep(20);
            }
            runner.stop();
            watching.join();

            assertThat(failure.get()).isNull();
            assertThat(copied).exists();
            assertThat(runner.progress().arrivals()).isEqualTo(1);
        }
    }
}

package io.clusterless.local.run;

import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** An arrival delivered again (as S3 and EventBridge may) does nothing twice. */
class DuplicateArrivalTest {
    private static final String PARTNER = "acme-partner-orders-drop";
    private static final String STATES = "test-clusterless-arc-state-123456789012-eu-west-1";

    @TempDir
    Path root;

    @Test
    void redeliveredObjectCreatedEventsWriteNothingNewAndRunNoArcAgain() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "others/orders-intake.json");
        LotId lot = placement.lotsAgo(LotUnit.SIXTHS, 2);
        placement.land(PARTNER, "orders/o-1.json", "{}", LocalPlacement.within(lot));
        placement.land(PARTNER, "orders/o-2.json", "{}", LocalPlacement.within(lot).plusSeconds(5));
        RunProgress first = placement.runUntilIdle();
        assertThat(first.arcRuns()).isEqualTo(1);
        long stateFiles = count(placement.file(STATES, "arcs"));
        long manifests = count(root.resolve("buckets"));

        // forget which arrivals were handled: every Object Created event is delivered a second time
        Files.delete(root.resolve("local/arrivals.log"));
        RunProgress again = placement.runUntilIdle();

        assertThat(again.arrivals()).isEqualTo(first.arrivals());
        assertThat(again.arcRuns()).isZero();
        assertThat(again.skipped()).isEqualTo(1);
        assertThat(count(placement.file(STATES, "arcs"))).isEqualTo(stateFiles);
        assertThat(count(root.resolve("buckets"))).isEqualTo(manifests);
    }

    @Test
    void theSameFileLandedTwiceWithTheSameBytesIsOneArrival() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "others/orders-intake.json");
        LotId lot = placement.lotsAgo(LotUnit.SIXTHS, 2);
        placement.land(PARTNER, "orders/o-1.json", "{}", LocalPlacement.within(lot));
        placement.runUntilIdle();

        placement.land(PARTNER, "orders/o-1.json", "{}", LocalPlacement.within(lot).plusSeconds(60));
        RunProgress again = placement.runUntilIdle();

        assertThat(again.arrivals()).isZero();
        assertThat(again.arcRuns()).isZero();
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}

package io.clusterless.local.run;

import io.clusterless.engine.boundary.BoundaryLedger;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files dated before the placement (cp -p, tar, rsync -a keep old modification times) get their own lots, and no
 * interval between them and the placement gets an empty manifest (ADR-0007).
 */
class OldFilesRunTest {
    private static final String BUCKET = "dev-cls-copy-chain-123456789012-us-west-2";
    private static final String MANIFESTS = "dev-clusterless-manifest-123456789012-us-west-2";

    @TempDir
    Path root;

    @Test
    void aFileDatedYearsBack_getsItsOwnLot_andNoEmptyManifestBeforeThePlacement() throws Exception {
        LocalPlacement placement = LocalPlacement.placedNow(root, "copy-chain/project.json");
        Instant old = placement.now.minus(Duration.ofDays(3 * 365));
        LotId oldLot = LotId.of(LotUnit.TWELFTHS, old);
        LotId recent = placement.lotsAgo(LotUnit.TWELFTHS, 4);
        placement.land(BUCKET, "ingress/2020/old.csv", "old", old);
        placement.land(BUCKET, "ingress/2023/recent.csv", "recent", LocalPlacement.within(recent));

        RunProgress progress = placement.runUntilIdle();

        assertThat(progress.lotsClosed()).isEqualTo(2);
        assertThat(progress.failed()).isZero();
        assertThat(manifests("chain-ingress")).containsExactly(
                manifestKey("chain-ingress", oldLot, "complete"), manifestKey("chain-ingress", recent, "complete"));
        assertThat(manifests("chain-c")).hasSize(2);
        assertThat(placement.read(BUCKET, "copy-c/2020/old.csv")).isEqualTo("old");
        assertThat(placement.read(BUCKET, "copy-c/2023/recent.csv")).isEqualTo("recent");
        assertThat(new BoundaryLedger(new FileObjectStore(root), MANIFESTS,
                placement.plan.boundaries().get(0).props().dataset()).recordedSince()).contains(placement.now);
    }

    @Test
    void fromThePlacementOn_everyIntervalGetsAManifest_emptyOrNot() throws Exception {
        LocalPlacement placement = LocalPlacement.placedNow(root, "copy-chain/project.json");
        placement.land(BUCKET, "ingress/2020/old.csv", "old", placement.now.minus(Duration.ofDays(400)));
        placement.runUntilIdle();
        LotId placedLot = LotId.of(LotUnit.TWELFTHS, placement.now);

        // a restart three intervals later: the placement's interval and the two after it ended, all empty
        Instant later = placedLot.plus(3).start().plusSeconds(10);
        try (LocalRunner runner = new LocalRunner(placement.plan, new RunOptions(root, placement.projectDir, true, 2,
                null), Clock.fixed(later, ZoneOffset.UTC))) {
            runner.run(progress -> { });
            assertThat(runner.progress().lotsClosed()).isEqualTo(3);
        }

        assertThat(manifests("chain-ingress")).hasSize(4).contains(
                manifestKey("chain-ingress", placedLot, "empty"), manifestKey("chain-ingress", placedLot.plus(2), "empty"));
    }

    private List<String> manifests(String dataset) throws Exception {
        Path dir = root.resolve("buckets").resolve(MANIFESTS).resolve("datasets/name=" + dataset);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.getFileName().toString().equals("manifest.json"))
                    .map(file -> root.resolve("buckets").resolve(MANIFESTS).relativize(file).toString()).sorted()
                    .toList();
        }
    }

    private static String manifestKey(String dataset, LotId lot, String state) {
        return "datasets/name=" + dataset + "/version=20230101/lot=" + lot.format() + "/state=" + state
                + "/manifest.json";
    }
}

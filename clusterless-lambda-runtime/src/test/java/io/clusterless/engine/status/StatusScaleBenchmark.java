package io.clusterless.engine.status;

import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Status and gaps over one year of Twelfths (105,120 lots) of one dataset in s3proxy, with every list request
 * counted. Opt-in ({@code -Dcls.bench.scale=true}, run by {@code bench/status-scale.sh}): writing the year takes
 * minutes. One lot in 500 is left without a manifest so the gap report has something to find.
 */
class StatusScaleBenchmark {
    private static final PlacementNames DEV = new PlacementNames("dev", "123456789012", "us-west-2");
    private static final LotId FIRST = LotId.parse("20230101PT5M000");
    private static final int MISSING_EVERY = 500;

    @Test
    void aYearOfTwelfths_isScannedWithAboutOneListRequestPerThousandLots() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("cls.bench.scale"), "benchmark: run with -Dcls.bench.scale=true");
        LotRange year = LotRange.of(LotUnit.TWELFTHS, FIRST.start(), Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(year.size()).isEqualTo(105_120);
        try (S3ProxyServer server = S3ProxyServer.start().bucket(DEV.manifestBucket())) {
            ManifestURI dataset = ManifestURI.of(DEV.manifestBucket()).withDatasetName("chain-ingress")
                    .withDatasetVersion("20230101");
            long writeStart = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            int index = 0;
            for (LotId lot : year) {
                if (index++ % MISSING_EVERY == MISSING_EVERY - 1) {
                    continue;
                }
                String key = dataset.withLot(lot).withState(ManifestState.complete).key();
                pool.execute(() -> server.store().put(DEV.manifestBucket(), key, "{}".getBytes(),
                        "application/json"));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.HOURS)).isTrue();
            double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

            CountingObjectStore store = new CountingObjectStore(server.store());
            long start = System.nanoTime();
            var lots = DatasetLots.scan(store, dataset, year);
            StatusSummary summary = StatusSummary.of(year, lots, List.of("removed", "partial", "empty", "complete"),
                    found -> found.state().name());
            double statusSeconds = (System.nanoTime() - start) / 1e9;
            long statusLists = store.lists.get();

            PlacementPlan plan = PlacementPlan.of(DEV, new ProjectLoader().loadAll(List.of(ProjectSource.file(
                    Path.of("..", "examples", "copy-chain", "project.json")))).deployables());
            store.lists.set(0);
            start = System.nanoTime();
            List<Gap> gaps = new GapFinder(plan, store, ListenerHistory.ALWAYS_ENABLED,
                    Clock.fixed(Instant.parse("2024-01-02T00:00:00Z"), ZoneOffset.UTC), year)
                    .datasetGaps("chain-ingress/20230101");
            double gapsSeconds = (System.nanoTime() - start) / 1e9;
            long gapsLists = store.lists.get();

            long bound = year.size() / 1000 + 10;
            System.out.printf("BENCH status-scale s3proxy: lots=%d written in %.1f s; status %.2f s, %d list "
                            + "requests; gaps %.2f s, %d list requests, %d gaps; bound %d%n", year.size(),
                    writeSeconds, statusSeconds, statusLists, gapsSeconds, gapsLists, gaps.size(), bound);
            assertThat(summary.rangeGap()).isEqualTo(year.size() / MISSING_EVERY);
            assertThat(gaps).hasSize((int) (year.size() / MISSING_EVERY));
            assertThat(statusLists).isLessThanOrEqualTo(bound);
            assertThat(gapsLists).isLessThanOrEqualTo(bound);
        }
    }
}

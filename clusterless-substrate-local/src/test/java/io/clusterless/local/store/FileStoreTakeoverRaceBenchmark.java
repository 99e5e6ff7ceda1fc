package io.clusterless.local.store;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.arc.StartOutcome;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.SinkDataset;
import io.clusterless.uri.ArcStateURI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (bench/takeover-race.sh, not part of the normal test run: it needs {@code -Dbench.rounds=N}): the arc
 * takeover race on the local substrate's {@link FileObjectStore}. Every round, 8 start gates find the same lot's run
 * past its timeout at once; exactly one must start it again. Writes {@code target/bench/takeover-race-file.txt}.
 * The runtime module's {@code TakeoverRaceBenchmark} does the same on s3proxy.
 */
@EnabledIfSystemProperty(named = "bench.rounds", matches = "[0-9]+")
class FileStoreTakeoverRaceBenchmark {
    private static final int THREADS = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path root;

    @Test
    void takeoverRace_onFileObjectStore() throws Exception {
        int rounds = Integer.parseInt(System.getProperty("bench.rounds"));
        FileObjectStore store = new FileObjectStore(root);
        ArcStateURI arc = ArcStateURI.of("arc-state", "bench", "1", "takeover");
        List<String> lots = new ArrayList<>();
        long setup = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            String lot = LotId.of(LotUnit.TWELFTHS, Instant.parse("2023-02-27T00:00:00Z")).plus(round).format();
            lots.add(lot);
            assertThat(new ArcStateStore(store, arc, Clock.systemUTC()).start(lot, event(lot), TIMEOUT).started())
                    .isTrue();
        }
        Thread.sleep(TIMEOUT.toMillis() * 2);
        long setupMillis = (System.nanoTime() - setup) / 1_000_000;

        int[] byWinners = new int[THREADS + 1];
        int untidy = 0;
        int notFromMissing = 0;
        List<Long> roundMillis = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long race = System.nanoTime();
        try {
            for (String lot : lots) {
                long start = System.nanoTime();
                // the takers of a round share a clock frozen at its start (see the runtime's ArcStartRaceTest)
                Clock frozen = Clock.fixed(Instant.now(), ZoneOffset.UTC);
                CyclicBarrier barrier = new CyclicBarrier(THREADS);
                List<Future<StartOutcome>> futures = new ArrayList<>();
                for (int thread = 0; thread < THREADS; thread++) {
                    futures.add(pool.submit(() -> {
                        barrier.await();
                        return new ArcStateStore(store, arc, frozen).start(lot, event(lot), TIMEOUT);
                    }));
                }
                int winners = 0;
                for (Future<StartOutcome> future : futures) {
                    StartOutcome outcome = future.get();
                    if (outcome.started()) {
                        winners++;
                        notFromMissing += outcome.previousState() == ArcState.missing ? 0 : 1;
                    }
                }
                roundMillis.add((System.nanoTime() - start) / 1_000_000);
                byWinners[winners]++;
                String prefix = arc.withLot(lot).withBucket(null).path().substring(1);
                if (!store.listAll("arc-state", prefix, null).map(ObjectInfo::key)
                        .map(key -> key.substring(prefix.length())).toList().equals(List.of("running.arc"))) {
                    untidy++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long raceMillis = (System.nanoTime() - race) / 1_000_000;
        int doubleWinners = rounds - byWinners[0] - byWinners[1];
        List<Long> sorted = roundMillis.stream().sorted().toList();
        String report = String.format("store=FileObjectStore rounds=%d threads=%d one-winner=%d double-winners=%d "
                        + "no-winner=%d winners-not-after-missing=%d extra-state-objects=%d setup=%.1fs race=%.1fs "
                        + "round-median=%dms round-p99=%dms round-max=%dms", rounds, THREADS, byWinners[1], doubleWinners,
                byWinners[0], notFromMissing, untidy, setupMillis / 1000.0, raceMillis / 1000.0, sorted.get(sorted.size() / 2),
                sorted.get((int) (sorted.size() * 0.99)), sorted.get(sorted.size() - 1));
        Path out = Path.of("target", "bench", "takeover-race-file.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n");

        assertThat(doubleWinners).isZero();
        assertThat(byWinners[0]).as("rounds without a winner").isZero();
        assertThat(notFromMissing).as("winners whose previous state is not missing").isZero();
        assertThat(untidy).as("lots left with more than running.arc").isZero();
    }

    private static ArcNotifyEvent event(String lot) {
        return new ArcNotifyEvent(new SinkDataset("ingress", "1", "s3://data/ingress/"), lot,
                "s3://manifests/datasets/name=ingress/version=1/lot=" + lot + "/state=complete/manifest.json");
    }
}

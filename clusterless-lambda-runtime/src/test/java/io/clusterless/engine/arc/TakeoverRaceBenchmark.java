package io.clusterless.engine.arc;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.SinkDataset;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.uri.ArcStateURI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

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
 * Benchmark (bench/takeover-race.sh, not part of the normal test run: it needs {@code -Dbench.rounds=N}): the
 * takeover race of {@code ArcStartRaceTest} for N rounds on s3proxy. Every round, 8 start gates find the same lot's
 * run past its timeout at once; exactly one must start it again. Writes its figures to
 * {@code target/bench/takeover-race-s3proxy.txt}.
 */
@EnabledIfSystemProperty(named = "bench.rounds", matches = "[0-9]+")
class TakeoverRaceBenchmark {
    private static final int THREADS = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void takeoverRace_onS3Proxy() throws Exception {
        int rounds = Integer.parseInt(System.getProperty("bench.rounds"));
        try (S3ProxyServer server = S3ProxyServer.start().bucket("arc-state")) {
            RetryingObjectStore store = RetryingObjectStore.wrap(server.store());
            Result result = race(store, "arc-state", rounds);
            Path out = Path.of("target", "bench", "takeover-race-s3proxy.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, result.report("s3proxy-4.1.0") + " store-retries=" + store.retries() + "\n");
            assertThat(result.doubleWinners()).isZero();
            assertThat(result.noWinner()).isZero();
            assertThat(result.untidy()).isZero();
            assertThat(result.notFromMissing()).isZero();
        }
    }

    /** The figures of a run: rounds, rounds by number of winners, rounds whose lot held more than running.arc. */
    record Result(int rounds, int oneWinner, int doubleWinners, int noWinner, int notFromMissing, int untidy,
                  long setupMillis, long raceMillis, List<Long> roundMillis) {
        String report(String store) {
            List<Long> sorted = roundMillis.stream().sorted().toList();
            return String.format("store=%s rounds=%d threads=%d one-winner=%d double-winners=%d no-winner=%d "
                            + "winners-not-after-missing=%d extra-state-objects=%d setup=%.1fs race=%.1fs "
                            + "round-median=%dms round-p99=%dms round-max=%dms",
                    store, rounds, THREADS, oneWinner, doubleWinners, noWinner, notFromMissing, untidy, setupMillis / 1000.0,
                    raceMillis / 1000.0, sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.99)),
                    sorted.get(sorted.size() - 1));
        }
    }

    /**
     * Starts one run per lot, waits until they are all past the timeout, then races 8 takers per lot. The takers of a
     * round share a clock frozen at its start (see ArcStartRaceTest for why that makes the figures independent of
     * the machine's speed).
     */
    static Result race(ObjectStore store, String bucket, int rounds) throws Exception {
        ArcStateURI arc = ArcStateURI.of(bucket, "bench", "1", "takeover-" + System.nanoTime());
        List<String> lots = new ArrayList<>();
        long setup = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            String lot = LotId.of(LotUnit.TWELFTHS, Instant.parse("2023-02-27T00:00:00Z")).plus(round).format();
            lots.add(lot);
            if (!new ArcStateStore(store, arc, Clock.systemUTC()).start(lot, event(lot), TIMEOUT).started()) {
                throw new IllegalStateException("setup: lot " + lot + " did not start");
            }
        }
        Thread.sleep(TIMEOUT.toMillis() * 2);
        long setupMillis = (System.nanoTime() - setup) / 1_000_000;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        int one = 0;
        int twoOrMore = 0;
        int none = 0;
        int untidy = 0;
        int notFromMissing = 0;
        List<Long> roundMillis = new ArrayList<>();
        long race = System.nanoTime();
        try {
            for (String lot : lots) {
                long start = System.nanoTime();
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
                if (winners == 1) {
                    one++;
                } else if (winners == 0) {
                    none++;
                } else {
                    twoOrMore++;
                }
                String prefix = new ArcStateStore(store, arc, frozen).lotPrefix(lot);
                if (!store.listAll(bucket, prefix, null).map(ObjectInfo::key)
                        .map(key -> key.substring(prefix.length())).toList().equals(List.of("running.arc"))) {
                    untidy++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(rounds, one, twoOrMore, none, notFromMissing, untidy, setupMillis, (System.nanoTime() - race) / 1_000_000,
                roundMillis);
    }

    private static ArcNotifyEvent event(String lot) {
        return new ArcNotifyEvent(new SinkDataset("ingress", "1", "s3://data/ingress/"), lot,
                "s3://manifests/datasets/name=ingress/version=1/lot=" + lot + "/state=complete/manifest.json");
    }
}

package io.clusterless.engine.arc;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcStateContext;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.testing.MotoServer;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent start gates for one lot: exactly one starts the workload. Rounds use fresh lots so a lost race in any
 * round shows; threads meet at a barrier so their requests overlap.
 */
class ArcStartRaceTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 20;
    private static S3ProxyServer server;

    private final MutableClock clock = new MutableClock();

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket("arc-state").bucket("manifests");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void eightThreadsStartTheSameLot_exactlyOneWins_onS3Proxy() throws Exception {
        race(new ArcFixture(server.store(), "arc-state", "manifests", "race-" + suffix(), "bus"));
    }

    @Test
    void eightThreadsStartTheSameLot_exactlyOneWins_onMotoServer() throws Exception {
        MotoServer moto = MotoServer.get();
        String suffix = suffix();
        ObjectStore store = new S3ObjectStore(moto.clients().s3());
        moto.clients().s3().createBucket(b -> b.bucket("arc-state-" + suffix));
        moto.clients().s3().createBucket(b -> b.bucket("manifests-" + suffix));
        race(new ArcFixture(store, "arc-state-" + suffix, "manifests-" + suffix, "race", "bus"));
    }

    @Test
    void eightThreadsTakeOverTheSameTimedOutRun_exactlyOneWins() throws Exception {
        // Staleness compares the gate's clock with S3's last-modified time of running.arc (at worst truncated to the
        // second). Each round's gates share a clock X frozen at the round's start, after the old runs went stale: an
        // old run, written more than the timeout before X, is stale; a new run, written after X, has a last-modified
        // time above X - 1 s, so with a timeout (and grace) of 1 s it is not, however long the round takes on a busy
        // machine (with a running clock, a round slower than the timeout saw its own new run as stale).
        ArcFixture arc = new ArcFixture(server.store(), "arc-state", "manifests", "takeover-" + suffix(), "bus");
        ArcGateProps props = arc.props(Duration.ofSeconds(1));
        List<String> lots = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            lots.add(lot(round));
            assertThat(ArcStartGate.runsWorkload(new ArcStartGate(props, arc.store, Clock.systemUTC())
                    .start(arc.event(lot(round))))).isTrue();
        }
        Thread.sleep(2_000);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (String lot : lots) {
                Clock round = Clock.fixed(Instant.now(), ZoneOffset.UTC);
                List<ArcStateContext> answers = concurrently(pool, () -> new ArcStartGate(props, arc.store, round)
                        .start(arc.event(lot)));

                assertThat(answers).as("lot %s", lot).filteredOn(ArcStartGate::runsWorkload).singleElement()
                        .satisfies(winner -> assertThat(winner.previousState()).isEqualTo(ArcState.missing));
                assertThat(answers).filteredOn(a -> !ArcStartGate.runsWorkload(a))
                        .allSatisfy(a -> assertThat(a.previousState()).isEqualTo(ArcState.running));
                assertThat(arc.stateFiles(lot)).containsExactly("running.arc");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void race(ArcFixture arc) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String lot = lot(round);

                List<ArcStateContext> answers = concurrently(pool, () -> gate(arc).start(arc.event(lot)));

                assertThat(answers).as("round %d", round).filteredOn(ArcStartGate::runsWorkload).hasSize(1);
                assertThat(answers).filteredOn(a -> !ArcStartGate.runsWorkload(a))
                        .allSatisfy(a -> assertThat(a.previousState()).as("AlreadyRunning").isEqualTo(ArcState.running));
                assertThat(arc.stateFiles(lot)).containsExactly("running.arc");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private ArcStartGate gate(ArcFixture arc) {
        return new ArcStartGate(arc.props, arc.store, clock);
    }

    private static List<ArcStateContext> concurrently(ExecutorService pool, java.util.concurrent.Callable<ArcStateContext> start)
            throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(THREADS);
        List<Future<ArcStateContext>> futures = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            futures.add(pool.submit(() -> {
                barrier.await();
                return start.call();
            }));
        }
        List<ArcStateContext> answers = new ArrayList<>();
        for (Future<ArcStateContext> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }

    private static String lot(int round) {
        return LotId.of(LotUnit.TWELFTHS, Instant.parse("2023-02-27T00:00:00Z")).plus(round).format();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

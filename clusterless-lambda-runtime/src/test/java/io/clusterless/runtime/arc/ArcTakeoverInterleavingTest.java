package io.clusterless.runtime.arc;

import io.clusterless.arcstate.ArcState;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The takeover interleavings that once gave one lot two runs, replayed step by step: one taker is held between two of
 * its requests (a {@link PausingObjectStore}) while another takes the lot over, then released. Each test failed on
 * the protocol before the fix, every time.
 */
class ArcTakeoverInterleavingTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    /** Far enough ahead that the old run is past its timeout and an end written now is past the grace. */
    private static final Duration LATER = TIMEOUT.plusMinutes(1);
    private static S3ProxyServer server;

    private final MutableClock clock = new MutableClock();
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final ArcFixture arc = new ArcFixture(server.store(), "arc-state", "manifests",
            "interleave-" + UUID.randomUUID().toString().substring(0, 8), "bus");
    private final String lot = LotId.of(LotUnit.TWELFTHS, Instant.parse("2023-02-27T00:00:00Z")).format();

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket("arc-state").bucket("manifests");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @AfterEach
    void shutdown() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    /**
     * Taker A lists the lot and finds the old run past its timeout; before A reads {@code running.arc}, taker B ends
     * the old run and starts a new one under the same key. A must not take the new run for the old one: ending it
     * would start the lot a second time (two winners, both with previous state {@code missing}).
     */
    @Test
    void takerThatListedTheTimedOutRun_doesNotEndTheRunThatReplacedIt() throws Exception {
        arc.states(clock).start(lot, arc.event(lot), TIMEOUT);
        clock.advance(LATER);
        PausingObjectStore paused = new PausingObjectStore(arc.store,
                (operation, key) -> operation.equals("get") && key.endsWith("/running.arc"));
        Future<StartOutcome> takerA = pool.submit(() -> new ArcStateStore(paused, arc.props.arcStateURI(), clock)
                .start(lot, arc.event(lot), TIMEOUT));
        paused.awaitPaused();

        StartOutcome takerB = arc.states(clock).start(lot, arc.event(lot), TIMEOUT);
        clock.advance(LATER.negated()); // the new run is young again for A's second look
        paused.release();

        assertThat(takerB.started()).isTrue();
        assertThat(takerB.previousState()).isEqualTo(ArcState.missing);
        assertThat(takerA.get(30, TimeUnit.SECONDS).started()).as("second winner").isFalse();
        assertThat(arc.stateFiles(lot)).containsExactly("running.arc");
        assertThat(arc.stateBody(lot, ArcState.running)).contains(takerB.arcAttempt());
    }

    /**
     * The decider of the old run's end reads {@code running.arc} to remove it and stalls past the grace; meanwhile a
     * start replaces the leftover with a new run. When the decider wakes, its delete must not remove the new run's
     * {@code running.arc}, or the next start would find the lot free and start it a second time.
     */
    @Test
    void deciderStalledPastTheGrace_doesNotRemoveTheNewRunsMutex() throws Exception {
        arc.states(clock).start(lot, arc.event(lot), TIMEOUT);
        clock.advance(LATER);
        PausingObjectStore paused = new PausingObjectStore(arc.store,
                (operation, key) -> operation.startsWith("delete") && key.endsWith("/running.arc"));
        Future<StartOutcome> decider = pool.submit(() -> new ArcStateStore(paused, arc.props.arcStateURI(), clock)
                .start(lot, arc.event(lot), TIMEOUT));
        paused.awaitPaused();

        StartOutcome replacer = arc.states(clock).start(lot, arc.event(lot), TIMEOUT);
        clock.advance(LATER.negated());
        paused.release();

        assertThat(replacer.started()).isTrue();
        assertThat(replacer.previousState()).isEqualTo(ArcState.missing);
        assertThat(decider.get(30, TimeUnit.SECONDS).started()).as("second winner").isFalse();
        assertThat(arc.stateFiles(lot)).containsExactly("running.arc");
        assertThat(arc.stateBody(lot, ArcState.running)).contains(replacer.arcAttempt());
    }
}

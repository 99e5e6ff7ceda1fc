package io.clusterless.engine.arc;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
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

    /**
     * Two takers end the same timed-out run with the same clock reading, so they propose byte-identical end records.
     * Only the one that created the record may remove {@code running.arc}: the other must not take the refusing
     * record, equal to its own bytes, for its own write. Otherwise two removers hold the old run's ETag, and on a store
     * whose conditional delete checks and then deletes (s3proxy does, emulated here for the second taker with a pause
     * between the two) the late one removes the new run's {@code running.arc}: the benchmark's one double winner in
     * 1,000 rounds on s3proxy.
     */
    @Test
    void takerRefusedByAnIdenticalEndRecord_isNotTheDecider() throws Exception {
        SettableClock reading = new SettableClock(Instant.now());
        arc.states(reading).start(lot, arc.event(lot), TIMEOUT);
        reading.set(Instant.now().plus(LATER)); // both takers read this same instant

        PausingObjectStore checkedNotDeleted = new PausingObjectStore(arc.store,
                (operation, key) -> operation.equals("delete") && key.endsWith("/running.arc"));
        PausingObjectStore beforeClaim = new PausingObjectStore(checkThenDelete(checkedNotDeleted),
                (operation, key) -> operation.equals("createIfAbsent") && key.startsWith(ArcStateStore.ATTEMPTS_ROOT));
        Future<StartOutcome> late = pool.submit(() -> new ArcStateStore(beforeClaim, arc.props.arcStateURI(), reading)
                .start(lot, arc.event(lot), TIMEOUT));
        beforeClaim.awaitPaused();

        PausingObjectStore beforeRemoving = new PausingObjectStore(arc.store,
                (operation, key) -> operation.equals("deleteIfMatch") && key.endsWith("/running.arc"));
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            Future<StartOutcome> decider = second.submit(() -> new ArcStateStore(beforeRemoving,
                    arc.props.arcStateURI(), reading).start(lot, arc.event(lot), TIMEOUT));
            beforeRemoving.awaitPaused(); // the decider created the end record and is about to remove running.arc
            reading.set(Instant.now()); // from here on the new run is young and the end within its grace

            beforeClaim.release(); // the late taker's create is refused by the decider's record
            while (!late.isDone() && !checkedNotDeleted.pausedWithin(Duration.ofMillis(50))) {
                Thread.onSpinWait(); // until it answers, or holds the old run's ETag as checked, about to delete
            }
            beforeRemoving.release();
            StartOutcome winner = decider.get(30, TimeUnit.SECONDS);
            checkedNotDeleted.release();

            assertThat(winner.started()).isTrue();
            assertThat(winner.previousState()).isEqualTo(ArcState.missing);
            assertThat(late.get(30, TimeUnit.SECONDS).started()).as("second winner").isFalse();
            assertThat(arc.stateFiles(lot)).containsExactly("running.arc");
            assertThat(arc.stateBody(lot, ArcState.running)).contains(winner.arcAttempt());
        } finally {
            second.shutdownNow();
        }
    }

    /** The store, with a conditional delete made of a check and then a plain delete, as s3proxy 4.1.0 does it. */
    private static ObjectStore checkThenDelete(ObjectStore store) {
        return (ObjectStore) Proxy.newProxyInstance(ObjectStore.class.getClassLoader(), new Class<?>[]{ObjectStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("deleteIfMatch")) {
                        String bucket = (String) args[0];
                        String key = (String) args[1];
                        String etag = StateObject.unquote((String) args[2]);
                        Optional<ObjectInfo> current = store.head(bucket, key);
                        if (current.isPresent() && !StateObject.unquote(current.get().etag()).equals(etag)) {
                            return false;
                        }
                        store.delete(bucket, key);
                        return true;
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A clock that stands still at an instant the test sets. */
    private static final class SettableClock extends Clock {
        private volatile Instant instant;

        SettableClock(Instant instant) {
            this.instant = instant;
        }

        void set(Instant instant) {
            this.instant = instant;
        }

        @Override
        public Instant instant() {
            return instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}

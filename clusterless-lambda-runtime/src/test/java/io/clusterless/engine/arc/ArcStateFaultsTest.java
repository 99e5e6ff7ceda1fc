package io.clusterless.engine.arc;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.arc.FaultInjectingBlobStore.Fault;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcStateContext;
import io.clusterless.manifest.ManifestState;
import io.clusterless.runtime.testing.MotoServer;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S3 failing the way it does under load, over real HTTP: the gates retry with backoff (the SDK's three attempts, then
 * {@link RetryingObjectStore}'s) and the lot ends exactly as without failures: one run, one state object with its
 * whole history, each sink announced once.
 */
class ArcStateFaultsTest {
    private static final String LOT = "20230227PT5M287";
    private static S3ProxyServer server;
    private static FaultInjectingBlobStore faults;

    private final MutableClock clock = new MutableClock();
    private ArcEventBus bus;
    private ArcFixture arc;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start(store -> faults = new FaultInjectingBlobStore(store)).bucket("arc-state")
                .bucket("manifests");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void arc() {
        faults.failNext(0, Fault.INTERNAL_ERROR);
        bus = ArcEventBus.create(MotoServer.get());
        arc = new ArcFixture(server.store(), "arc-state", "manifests", "copy-" + UUID.randomUUID().toString().substring(0, 8),
                bus.busName());
    }

    @Test
    void internalErrorsOnTheFirstRequests_areRetried_andLoseNothing() {
        // 7 failures in a row outlast the SDK's three attempts: the gates' own retry must carry on.
        runOnce(phase -> faults.failNext(7, Fault.INTERNAL_ERROR), 7, 7);
    }

    @Test
    void slowDownOnTheFirstRequests_isRetried_andLosesNothing() {
        runOnce(phase -> faults.failNext(3, Fault.SLOW_DOWN), 3, 3);
    }

    @Test
    void writesThatSucceedButAnswerWithAnError_areRecognisedAsDone() {
        // The response is lost after S3 applied the write: the retried conditional write finds its own bytes and
        // must not read as another writer's, or the run would lose its own lot. Starting writes running.arc;
        // completing writes the end record and complete.arc and removes running.arc: every one of them is hit.
        runOnce(phase -> faults.failNextWritesAfterApplying(phase == Phase.START ? 1 : 3, Fault.INTERNAL_ERROR), 1, 3);
    }

    private enum Phase { START, COMPLETE }

    private void runOnce(java.util.function.Consumer<Phase> injectFaults, int startFaults, int completeFaults) {
        ObjectStore store = server.store();
        injectFaults.accept(Phase.START);
        ArcStateContext started = new ArcStartGate(arc.props, store, clock).start(arc.event(LOT));
        assertThat(faults.injected()).as("failures survived while starting").isEqualTo(startFaults);
        assertThat(ArcStartGate.runsWorkload(started)).isTrue();
        assertThat(new ArcStartGate(arc.props, store, clock).start(arc.event(LOT)).previousState())
                .as("a duplicate sees the run").isEqualTo(ArcState.running);

        Map<String, String> sinks = new LinkedHashMap<>();
        sinks.put("main", arc.sinkManifest("main", LOT, ManifestState.complete, null));
        sinks.put("archive", arc.sinkManifest("archive", LOT, ManifestState.complete, null));
        injectFaults.accept(Phase.COMPLETE);
        ArcStateContext done = new ArcCompleteGate(arc.props, store, bus.publisher(), clock).complete(
                new ArcStateContext(started.previousState(), started.currentState(), started.arcWorkloadContext(), sinks,
                        null, null, started.arcAttempt()));
        assertThat(faults.injected()).as("failures survived while completing").isEqualTo(completeFaults);

        assertThat(done.currentState()).isEqualTo(ArcState.complete);
        assertThat(arc.stateFiles(LOT)).containsExactly("complete.arc");
        assertThat(StateBody.of(arc.stateBody(LOT, ArcState.complete)).entries()).extracting(ArcStateEntry::state)
                .containsExactly(ArcState.running, ArcState.complete);
        assertThat(bus.drain()).extracting(e -> e.dataset().getName()).containsExactly("copy", "archive");
        assertThat(new ArcStartGate(arc.props, store, clock).start(arc.event(LOT)).currentState())
                .isEqualTo(ArcState.complete);
    }
}

package io.clusterless.engine.arc;

import io.clusterless.arcstate.ArcState;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcStateContext;
import io.clusterless.event.WorkloadError;
import io.clusterless.json.Json;
import io.clusterless.manifest.ManifestState;
import io.clusterless.runtime.testing.MotoServer;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The complete gate against a real S3 API (s3proxy); its announcements observed on a real bus (moto_server). */
class ArcCompleteGateTest {
    private static final String LOT = "20230227PT5M287";
    private static S3ProxyServer server;

    private final MutableClock clock = new MutableClock();
    private ArcEventBus bus;
    private ArcFixture arc;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket("arc-state").bucket("manifests");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void arc() {
        bus = ArcEventBus.create(MotoServer.get());
        arc = new ArcFixture(server.store(), "arc-state", "manifests", "copy-" + UUID.randomUUID().toString().substring(0, 8),
                bus.busName());
    }

    private ArcStateContext started() {
        ArcStateContext context = new ArcStartGate(arc.props, server.store(), clock).start(arc.event(LOT));
        assertThat(ArcStartGate.runsWorkload(context)).isTrue();
        return context;
    }

    private ArcCompleteGate gate() {
        return new ArcCompleteGate(arc.props, server.store(), bus.publisher(), clock);
    }

    private static ArcStateContext after(ArcStateContext started, Map<String, String> sinkManifests, WorkloadError error) {
        return new ArcStateContext(started.previousState(), started.currentState(), started.arcWorkloadContext(),
                sinkManifests, null, error, started.arcAttempt());
    }

    private Map<String, String> sinks(ManifestState main, ManifestState archive) {
        Map<String, String> sinks = new LinkedHashMap<>();
        sinks.put("main", arc.sinkManifest("main", LOT, main, "req-1"));
        sinks.put("archive", arc.sinkManifest("archive", LOT, archive, "req-1"));
        return sinks;
    }

    @Test
    void completeSinks_completeTheLot_andAnnounceEachSinkOnce() {
        ArcStateContext started = started();
        Map<String, String> sinks = sinks(ManifestState.complete, ManifestState.empty);

        ArcStateContext done = gate().complete(after(started, sinks, null));

        assertThat(done.previousState()).isEqualTo(ArcState.running);
        assertThat(done.currentState()).isEqualTo(ArcState.complete);
        assertThat(done.arcWorkloadContext()).isEqualTo(started.arcWorkloadContext());
        assertThat(arc.stateFiles(LOT)).containsExactly("complete.arc");
        assertThat(bus.drain()).containsExactly(
                new ArcNotifyEvent(ArcFixture.COPY, LOT, sinks.get("main")),
                new ArcNotifyEvent(ArcFixture.ARCHIVE, LOT, sinks.get("archive")));
    }

    @Test
    void allEmptySinks_areAComplete_announcedLot() {
        // Empty still announces, so subscribers and gap reports can tell "nothing arrived" from "not run".
        ArcStateContext done = gate().complete(after(started(), sinks(ManifestState.empty, ManifestState.empty), null));

        assertThat(done.currentState()).isEqualTo(ArcState.complete);
        assertThat(bus.drain()).hasSize(2);
    }

    @Test
    void anyPartialSink_makesAPartialLot_andNothingIsAnnounced() {
        ArcStateContext done = gate().complete(after(started(), sinks(ManifestState.complete, ManifestState.partial), null));

        assertThat(done.currentState()).isEqualTo(ArcState.partial);
        assertThat(arc.stateFiles(LOT)).containsExactly("partial.arc");
        assertThat(bus.drain()).isEmpty();
    }

    @Test
    void workloadErrorWithoutManifests_makesAMissingLot_withTheErrorInItsStateObject() throws Exception {
        WorkloadError error = new WorkloadError("States.TaskFailed", "{\"errorMessage\":\"access denied\"}");

        ArcStateContext done = gate().complete(after(started(), Map.of(), error));

        assertThat(done.currentState()).isEqualTo(ArcState.missing);
        assertThat(done.workloadError()).isEqualTo(error);
        List<String> lines = List.of(arc.stateBody(LOT, ArcState.missing).split("\n"));
        assertThat(Json.records().readValue(lines.get(lines.size() - 1), WorkloadError.class)).isEqualTo(error);
        assertThat(bus.drain()).isEmpty();
    }

    @Test
    void workloadErrorBesideManifests_isPartial_notAnnouncedAsComplete() {
        ArcStateContext done = gate().complete(after(started(), sinks(ManifestState.complete, ManifestState.complete),
                new WorkloadError("States.Timeout", "the second step timed out")));

        assertThat(done.currentState()).isEqualTo(ArcState.partial);
        assertThat(bus.drain()).isEmpty();
    }

    @Test
    void noManifestsAndNoError_failsClearly_andLeavesTheLotReRunnable() {
        ArcStateContext started = started();

        assertThatThrownBy(() -> gate().complete(after(started, Map.of(), null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("workload sink manifests is missing/empty")
                .hasMessageContaining("recorded as missing");
        assertThat(arc.stateFiles(LOT)).containsExactly("missing.arc");
        assertThat(arc.stateBody(LOT, ArcState.missing)).contains("SinkManifestsMissing");
        assertThat(ArcStartGate.runsWorkload(new ArcStartGate(arc.props, server.store(), clock).start(arc.event(LOT))))
                .isTrue();
    }

    @Test
    void manifestThatDoesNotExist_failsClearly_andLeavesTheLotMissing() {
        String absent = "s3://manifests/datasets/name=never-written-" + UUID.randomUUID() + "/version=1/lot=" + LOT
                + "/state=complete/manifest.json";

        assertThatThrownBy(() -> gate().complete(after(started(), Map.of("main", absent), null)))
                .hasMessageContaining("sink manifest " + absent + " does not exist");
        assertThat(arc.stateFiles(LOT)).containsExactly("missing.arc");
        assertThat(bus.drain()).isEmpty();
    }

    @Test
    void manifestForASinkRoleTheArcDoesNotDeclare_failsClearly() {
        Map<String, String> sinks = Map.of("mystery", arc.sinkManifest("main", LOT, ManifestState.complete, null));

        assertThatThrownBy(() -> gate().complete(after(started(), sinks, null)))
                .hasMessageContaining("sink role 'mystery'");
    }

    @Test
    void completingTwice_isHarmless_andAnnouncesOnce() {
        // Step Functions retries a Lambda task whose response was lost.
        ArcStateContext finished = after(started(), sinks(ManifestState.complete, ManifestState.complete), null);

        ArcStateContext first = gate().complete(finished);
        ArcStateContext second = gate().complete(finished);

        assertThat(second).isEqualTo(first);
        assertThat(arc.stateFiles(LOT)).containsExactly("complete.arc");
        assertThat(bus.drain()).hasSize(2);
    }

    @Test
    void crashBetweenWorkloadAndCompleteGate_leavesTheLotReRunnableAfterTheTimeout_andRefusesTheLateCompletion() {
        // The original left such a lot running forever: every later event ended AlreadyRunning.
        ArcStartGate startGate = new ArcStartGate(arc.props, server.store(), clock);
        ArcStateContext crashed = startGate.start(arc.event(LOT));
        Map<String, String> lateSinks = sinks(ManifestState.complete, ManifestState.complete);

        assertThat(startGate.start(arc.event(LOT)).previousState()).as("AlreadyRunning before the timeout")
                .isEqualTo(ArcState.running);

        clock.advance(ArcFixture.TIMEOUT.plusMinutes(1));
        ArcStateContext rerun = startGate.start(arc.event(LOT));

        assertThat(ArcStartGate.runsWorkload(rerun)).isTrue();
        assertThat(rerun.previousState()).isEqualTo(ArcState.missing);
        assertThatThrownBy(() -> gate().complete(after(crashed, lateSinks, null)))
                .isInstanceOf(ArcAttemptSupersededException.class)
                .hasMessageContaining("run " + crashed.arcAttempt())
                .hasMessageContaining("after its running timeout");
        assertThat(bus.drain()).as("the superseded run announces nothing").isEmpty();
        assertThat(arc.stateFiles(LOT)).containsExactly("running.arc");

        ArcStateContext done = gate().complete(after(rerun, lateSinks, null));

        assertThat(done.currentState()).isEqualTo(ArcState.complete);
        assertThat(bus.drain()).hasSize(2);
        assertThat(StateBody.of(arc.stateBody(LOT, ArcState.complete)).entries())
                .extracting(ArcStateEntry::state, ArcStateEntry::arcAttempt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ArcState.running, crashed.arcAttempt()),
                        org.assertj.core.groups.Tuple.tuple(ArcState.missing, crashed.arcAttempt()),
                        org.assertj.core.groups.Tuple.tuple(ArcState.running, rerun.arcAttempt()),
                        org.assertj.core.groups.Tuple.tuple(ArcState.complete, rerun.arcAttempt()));
    }

    @Test
    void contextThatDidNotStartARun_isRefused() {
        ArcStateContext started = started();
        ArcStateContext alreadyRunning = new ArcStateContext(ArcState.running, ArcState.running,
                started.arcWorkloadContext(), null, null, null, null);

        assertThatThrownBy(() -> gate().complete(alreadyRunning))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without an arcAttempt");
        assertThat(arc.stateFiles(LOT)).containsExactly("running.arc");
    }
}

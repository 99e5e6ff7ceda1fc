package io.clusterless.engine.arc;

import io.clusterless.arc.ArcStateProps;
import io.clusterless.arcstate.ArcState;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcStateContext;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.runtime.testing.MotoServer;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start gate against a real S3 API (s3proxy), completed runs announced on a real bus (moto_server). */
class ArcStartGateTest {
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

    private ArcStartGate startGate() {
        return new ArcStartGate(arc.props, server.store(), clock);
    }

    private ArcCompleteGate completeGate() {
        return new ArcCompleteGate(arc.props, server.store(), bus.publisher(), clock);
    }

    @Test
    void sameEventDeliveredTenTimes_runsTheArcOnce() {
        // EventBridge delivers at least once; the state machine may receive the same event again while the run is
        // in progress and after it finished.
        ArcNotifyEvent event = arc.event(LOT);
        List<ArcStateContext> answers = new ArrayList<>();
        ArcStateContext run = null;
        for (int delivery = 1; delivery <= 10; delivery++) {
            ArcStateContext answer = startGate().start(event);
            answers.add(answer);
            if (ArcStartGate.runsWorkload(answer)) {
                run = answer;
            }
            if (delivery == 4) {
                completeGate().complete(withSinks(run, arc.sinkManifest("main", LOT, ManifestState.complete, null),
                        arc.sinkManifest("archive", LOT, ManifestState.complete, null)));
            }
        }

        assertThat(answers).filteredOn(ArcStartGate::runsWorkload).singleElement()
                .satisfies(started -> assertThat(started.previousState()).isNull());
        assertThat(answers.subList(1, 4)).allSatisfy(answer -> {
            assertThat(answer.previousState()).as("AlreadyRunning").isEqualTo(ArcState.running);
            assertThat(answer.currentState()).isEqualTo(ArcState.running);
        });
        assertThat(answers.subList(4, 10)).allSatisfy(answer -> {
            assertThat(answer.previousState()).as("AlreadyComplete").isEqualTo(ArcState.complete);
            assertThat(answer.currentState()).isEqualTo(ArcState.complete);
        });
        assertThat(arc.stateFiles(LOT)).containsExactly("complete.arc");
        assertThat(bus.drain()).as("one announcement per sink, once").extracting(e -> e.dataset().getName())
                .containsExactly("copy", "archive");
    }

    @Test
    void startedRun_isToldItsRoleEventAndAttempt() {
        ArcNotifyEvent event = arc.event(LOT);

        ArcStateContext context = startGate().start(event);

        assertThat(context.previousState()).isNull();
        assertThat(context.currentState()).isEqualTo(ArcState.running);
        assertThat(context.arcWorkloadContext().role()).isEqualTo("main");
        assertThat(context.arcWorkloadContext().arcNotifyEvent()).isEqualTo(event);
        assertThat(context.arcWorkloadContext().existingPartialManifests()).isEmpty();
        assertThat(context.arcAttempt()).isNotBlank();
        assertThat(arc.stateBody(LOT, ArcState.running)).contains(context.arcAttempt());
    }

    @Test
    void partialLot_isRetried_withThePartialSinkManifestsOfEarlierAttempts() {
        ArcStateContext first = startGate().start(arc.event(LOT));
        String partial = arc.sinkManifest("main", LOT, ManifestState.partial, "req-1");
        String archive = arc.sinkManifest("archive", LOT, ManifestState.complete, null);
        assertThat(completeGate().complete(withSinks(first, partial, archive)).currentState()).isEqualTo(ArcState.partial);
        arc.sinkManifest("main", "20230227PT5M286", ManifestState.partial, "other-lot"); // not this lot

        ArcStateContext retry = startGate().start(arc.event(LOT));

        assertThat(retry.previousState()).isEqualTo(ArcState.partial);
        assertThat(retry.currentState()).isEqualTo(ArcState.running);
        assertThat(retry.arcAttempt()).isNotEqualTo(first.arcAttempt());
        assertThat(retry.arcWorkloadContext().existingPartialManifests()).containsExactly(Map.entry("main", List.of(partial)));
        assertThat(arc.stateFiles(LOT)).containsExactly("running.arc");
        assertThat(bus.drain()).as("a partial lot is not announced").isEmpty();
    }

    @Test
    void missingLot_isRetried() {
        ArcStateContext first = startGate().start(arc.event(LOT));
        completeGate().complete(new ArcStateContext(first.previousState(), first.currentState(), first.arcWorkloadContext(),
                null, null, new io.clusterless.event.WorkloadError("States.TaskFailed", "boom"), first.arcAttempt()));

        ArcStateContext retry = startGate().start(arc.event(LOT));

        assertThat(retry.previousState()).isEqualTo(ArcState.missing);
        assertThat(ArcStartGate.runsWorkload(retry)).isTrue();
    }

    @Test
    void eventForADatasetThatIsNoSource_isRefused_andNothingIsWritten() {
        ArcNotifyEvent stranger = new ArcNotifyEvent(new SinkDataset("ingress", "20991231", "s3://x/"), LOT, "s3://m/x");

        assertThatThrownBy(() -> startGate().start(stranger))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ingress/20991231 matches no source of arc " + arc.arcName)
                .hasMessageContaining("main=ingress/20220101");
        assertThat(arc.stateFiles(LOT)).isEmpty();
    }

    @Test
    void eventMatchingTwoSources_isRefused() {
        ArcStateProps twice = new ArcStateProps(arc.props.arc().project(), arc.arcName,
                Map.of("a", ArcFixture.INGRESS, "b", new SourceDataset("ingress", "20220101", false)),
                arc.props.arc().sinks(), arc.props.arc().arcStatePath(), bus.busName());

        assertThatThrownBy(() -> ArcStartGate.roleOf(twice, arc.event(LOT).dataset()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matches several sources");
    }

    @Test
    void eventWithoutALot_isRefused() {
        ArcNotifyEvent noLot = new ArcNotifyEvent(arc.event(LOT).dataset(), null, "s3://m/x");

        assertThatThrownBy(() -> startGate().start(noLot)).hasMessageContaining("without a lot");
    }

    static ArcStateContext withSinks(ArcStateContext started, String main, String archive) {
        Map<String, String> sinks = new java.util.LinkedHashMap<>();
        sinks.put("main", main);
        sinks.put("archive", archive);
        return new ArcStateContext(started.previousState(), started.currentState(), started.arcWorkloadContext(), sinks,
                null, null, started.arcAttempt());
    }
}

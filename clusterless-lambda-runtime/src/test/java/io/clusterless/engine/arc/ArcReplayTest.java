package io.clusterless.engine.arc;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.exec.Replay;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.status.ArcLots;
import io.clusterless.engine.status.DatasetLot;
import io.clusterless.engine.status.DatasetLots;
import io.clusterless.engine.workload.WorkloadManifests;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Replaying a complete lot (ADR-0006): superseded manifests kept, arc state reopened, the new run current. */
class ArcReplayTest {
    private static final AtomicInteger LOTS = new AtomicInteger(100);
    private static S3ProxyServer server;

    /** Each test its own lot: the tests share the sink datasets' manifests. */
    private final String lot = "20230227PT5M" + LOTS.getAndIncrement();

    private final MutableClock clock = new MutableClock();

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket("arc-state").bucket("manifests");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static ArcFixture arc() {
        return new ArcFixture(server.store(), "arc-state", "manifests", "copy-" + UUID.randomUUID().toString()
                .substring(0, 6), "bus");
    }

    /** Runs the lot to completion: one complete sink manifest per role, then the complete state. */
    private String complete(ArcFixture arc) {
        ArcStateStore states = arc.states(clock);
        String attempt = states.start(lot, arc.event(lot), ArcFixture.TIMEOUT).arcAttempt();
        arc.sinkManifest("main", lot, ManifestState.complete, null);
        arc.sinkManifest("archive", lot, ManifestState.empty, null);
        states.end(lot, attempt, ArcState.complete, null, null);
        return attempt;
    }

    private ManifestURI current(ArcFixture arc, String role, ManifestState state) {
        return ManifestURI.of("manifests", arc.props.arc().sinks().get(role)).withLot(lot).withState(state);
    }

    private String body(ArcFixture arc, ManifestURI uri) {
        return arc.store.get(uri.bucket(), uri.key()).map(o -> new String(o.body(), StandardCharsets.UTF_8))
                .orElse(null);
    }

    @Test
    void replayKeepsEveryFinalManifestUnderTheRunThatWroteIt_andReopensTheLot() {
        ArcFixture arc = arc();
        String first = complete(arc);
        ManifestURI main = current(arc, "main", ManifestState.complete);
        ManifestURI archive = current(arc, "archive", ManifestState.empty);
        String mainBefore = body(arc, main);

        Replay.Reopened reopened = Replay.reopen(arc.store, arc.props, lot, clock, "test");

        assertThat(reopened.completedBy()).isEqualTo(first);
        assertThat(reopened.superseded()).containsExactlyInAnyOrder(main.withAttempt(first).identifier(),
                archive.withAttempt(first).identifier());
        assertThat(body(arc, main)).as("the single key is free for the new run").isNull();
        assertThat(body(arc, archive)).isNull();
        assertThat(body(arc, main.withAttempt(first))).as("kept byte for byte").isEqualTo(mainBefore);
        assertThat(arc.stateFiles(lot)).containsExactly("missing.arc");
        ArcStateEntry last = arc.states(clock).lastTransition(lot).orElseThrow();
        assertThat(last.state()).isEqualTo(ArcState.missing);
        assertThat(last.arcAttempt()).isEqualTo(first);
        assertThat(last.note()).isEqualTo(ArcStateStore.REOPENED + "test");

        // the lot now starts like a failed one; the new run's manifest becomes current
        ArcStateStore states = arc.states(clock);
        StartOutcome second = states.start(lot, arc.event(lot), ArcFixture.TIMEOUT);
        assertThat(second.started()).isTrue();
        assertThat(second.previousState()).isEqualTo(ArcState.missing);
        WorkloadManifests manifests = new WorkloadManifests(arc.store);
        assertThat(manifests.finished(main.withState(null))).as("a superseded manifest does not stand for the lot")
                .isEmpty();
        ManifestURI written = manifests.write(main.withState(null), new Manifest(ManifestState.complete, "second run",
                lot, UriType.identifier, List.of("s3://data-bucket/copy/part-1.json")), "ignored");
        assertThat(written).isEqualTo(main);
        arc.sinkManifest("archive", lot, ManifestState.empty, null);
        states.end(lot, second.arcAttempt(), ArcState.complete, null, null);

        assertThat(arc.stateFiles(lot)).containsExactly("complete.arc");
        assertThat(StateBody.of(arc.stateBody(lot, ArcState.complete)).entries())
                .extracting(ArcStateEntry::state)
                .containsExactly(ArcState.running, ArcState.complete, ArcState.missing, ArcState.running,
                        ArcState.complete);
        assertThat(body(arc, main)).contains("second run");
        SortedMap<LotId, DatasetLot> lots = DatasetLots.scan(arc.store, ManifestURI.of("manifests", ArcFixture.COPY),
                new LotRange(LotId.parse(lot), LotId.parse(lot).next()));
        assertThat(lots.get(LotId.parse(lot))).satisfies(found -> {
            assertThat(found.state()).isEqualTo(ManifestState.complete);
            assertThat(found.supersededAttempts()).isEqualTo(1);
        });
    }

    @Test
    void aLotThatIsNotCompleteIsNotReopened() {
        ArcFixture arc = arc();
        String attempt = arc.states(clock).start(lot, arc.event(lot), ArcFixture.TIMEOUT).arcAttempt();
        arc.states(clock).end(lot, attempt, ArcState.missing, null, "failed");

        Replay.Reopened reopened = Replay.reopen(arc.store, arc.props, lot, clock, "test");

        assertThat(reopened.reopened()).isFalse();
        assertThat(arc.stateFiles(lot)).containsExactly("missing.arc");
        assertThat(Replay.reopen(arc.store, arc.props, "20230227PT5M099", clock, "test").reopened()).isFalse();
    }

    @Test
    void aReplayThatCrashedAfterKeepingTheManifests_isFinishedByTheNextOne() {
        ArcFixture arc = arc();
        String first = complete(arc);
        ManifestURI main = current(arc, "main", ManifestState.complete);
        // the crash: the manifest was copied aside but not removed, the arc state not reopened
        arc.store.put("manifests", main.withAttempt(first).key(), arc.store.get("manifests", main.key())
                .orElseThrow().body(), "application/json");

        Replay.Reopened reopened = Replay.reopen(arc.store, arc.props, lot, clock, "again");

        assertThat(reopened.completedBy()).isEqualTo(first);
        assertThat(body(arc, main)).isNull();
        assertThat(body(arc, main.withAttempt(first))).isNotNull();
        assertThat(arc.stateFiles(lot)).containsExactly("missing.arc");
    }

    @Test
    void aReopeningThatLeftCompleteArcBehind_readsAsReopened_andTheNextStartRemovesIt() {
        ArcFixture arc = arc();
        String first = complete(arc);
        String completeBody = arc.stateBody(lot, ArcState.complete);
        assertThat(Replay.reopen(arc.store, arc.props, lot, clock, "test").reopened()).isTrue();
        arc.putState(lot, ArcState.complete, completeBody); // as if the removal of complete.arc had not happened

        assertThat(arc.states(clock).state(lot)).as("the reopening descends from complete").contains(ArcState.missing);
        assertThat(ArcLots.scan(arc.store, arc.props.arcStateURI(), new LotRange(LotId.parse(lot),
                LotId.parse(lot).next()))).as("reports and exec read it so too").containsEntry(LotId.parse(lot),
                ArcState.missing);
        assertThat(Replay.reopen(arc.store, arc.props, lot, clock, "test").completedBy())
                .as("nothing left to reopen").isNull();
        StartOutcome next = arc.states(clock).start(lot, arc.event(lot), ArcFixture.TIMEOUT);

        assertThat(next.started()).isTrue();
        assertThat(arc.stateFiles(lot)).containsExactly("running.arc");
        assertThat(first).isNotEqualTo(next.arcAttempt());
    }

    @Test
    void aSupersededManifestOfTheSameRunWithOtherContent_isAConflict() {
        ArcFixture arc = arc();
        String first = complete(arc);
        ManifestURI main = current(arc, "main", ManifestState.complete);
        arc.store.put("manifests", main.withAttempt(first).key(), "{}".getBytes(StandardCharsets.UTF_8),
                "application/json");

        assertThatThrownBy(() -> Replay.reopen(arc.store, arc.props, lot, clock, "test"))
                .isInstanceOf(ArcStateConflictException.class)
                .hasMessageContaining("exists with other content");
        assertThat(body(arc, main)).as("nothing removed").isNotNull();
        assertThat(arc.stateFiles(lot)).containsExactly("complete.arc");
    }
}

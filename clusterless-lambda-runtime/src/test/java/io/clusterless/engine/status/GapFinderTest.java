package io.clusterless.engine.status;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.WorkloadError;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps of the copy-chain example (frequent boundary → copyA → copyB → copyC) with one situation per lot, written
 * with the real arc-state protocol into s3proxy: each gap must name the right cause.
 */
class GapFinderTest {
    private static final PlacementNames DEV = new PlacementNames("dev", "123456789012", "us-west-2");
    private static final LotId L0 = LotId.parse("20230101PT5M000");
    private static final Instant NOW = L0.plus(100).start();
    private static S3ProxyServer server;
    private static ProjectPlan project;
    private static PlacementPlan plan;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket(DEV.manifestBucket()).bucket(DEV.arcStateBucket());
        plan = PlacementPlan.of(DEV, new ProjectLoader().loadAll(List.of(ProjectSource.file(
                Path.of("..", "examples", "copy-chain", "project.json")))).deployables());
        project = plan.projects().get(0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static ArcPlan arc(String name) {
        return project.arcs().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static void manifest(String dataset, LotId lot, ManifestState state) {
        ManifestURI uri = ManifestURI.of(DEV.manifestBucket()).withDatasetName(dataset).withDatasetVersion("20230101")
                .withLot(lot).withState(state);
        if (state.hasAttempt()) {
            uri = uri.withAttempt("a1");
        }
        server.store().put(DEV.manifestBucket(), uri.key(), "{}".getBytes(), "application/json");
    }

    private static ArcStateStore states(String arc) {
        return new ArcStateStore(server.store(), arc(arc).gateProps().arcStateURI(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String run(String arc, LotId lot) {
        return states(arc).start(lot.format(), new ArcNotifyEvent(null, lot.format(), "s3://m/x"), Duration.ofHours(1))
                .arcAttempt();
    }

    /** A lot that went all the way through: boundary manifest, then copyA, copyB, copyC complete. */
    private static void complete(LotId lot) {
        manifest("chain-ingress", lot, ManifestState.complete);
        for (String[] hop : new String[][]{{"copyA", "chain-a"}, {"copyB", "chain-b"}, {"copyC", "chain-c"}}) {
            states(hop[0]).end(lot.format(), run(hop[0], lot), ArcState.complete, null, null);
            manifest(hop[1], lot, ManifestState.complete);
        }
    }

    @Test
    void everyIncompleteLot_isNamedWithItsCause() {
        complete(L0);
        server.store().put(DEV.manifestBucket(), "datasets/name=chain-ingress/version=20230101/lot="
                + L0.format() + "/late/abc.json", "{}".getBytes(), "application/json");
        // L1: nothing arrived, the boundary wrote no manifest
        // L2: copyA failed
        manifest("chain-ingress", L0.plus(2), ManifestState.complete);
        states("copyA").end(L0.plus(2).format(), run("copyA", L0.plus(2)), ArcState.missing,
                new WorkloadError("States.TaskFailed", "AccessDenied"), "workload failed");
        // L3: upstream there, copyA never ran (its listener was disabled then)
        manifest("chain-ingress", L0.plus(3), ManifestState.complete);
        // L4: copyA is running
        manifest("chain-ingress", L0.plus(4), ManifestState.complete);
        run("copyA", L0.plus(4));
        // L5: empty interval, propagated by copyA
        manifest("chain-ingress", L0.plus(5), ManifestState.empty);
        states("copyA").end(L0.plus(5).format(), run("copyA", L0.plus(5)), ArcState.complete, null, null);
        manifest("chain-a", L0.plus(5), ManifestState.empty);

        ListenerHistory disabledL3 = (p, arc, when) -> arc.equals("copyA")
                && !when.isBefore(Instant.EPOCH) && lotOfManifest(L0.plus(3), when);
        GapFinder finder = new GapFinder(plan, server.store(), disabledL3, Clock.fixed(NOW, ZoneOffset.UTC),
                new LotRange(L0, L0.plus(6)));

        Map<String, Gap> copyA = byLot(finder.arcGaps(project, arc("copyA")));
        assertThat(copyA).containsOnlyKeys(L0.plus(1).format(), L0.plus(2).format(), L0.plus(3).format(),
                L0.plus(4).format());
        assertThat(copyA.get(L0.plus(1).format()).cause()).isEqualTo(GapCause.noUpstreamData);
        assertThat(copyA.get(L0.plus(2).format()).cause()).isEqualTo(GapCause.failed);
        assertThat(copyA.get(L0.plus(2).format()).error()).isEqualTo("States.TaskFailed: AccessDenied");
        assertThat(copyA.get(L0.plus(3).format()).cause()).isEqualTo(GapCause.disabled);
        assertThat(copyA.get(L0.plus(4).format()).cause()).isEqualTo(GapCause.running);
        assertThat(copyA.get(L0.plus(4).format()).stale()).isFalse();
        assertThat(copyA.get(L0.plus(4).format()).since()).isEqualTo(NOW.toString());

        Map<String, Gap> copyB = byLot(finder.arcGaps(project, arc("copyB")));
        Gap failedUpstream = copyB.get(L0.plus(2).format());
        assertThat(failedUpstream.cause()).isEqualTo(GapCause.upstreamMissing);
        assertThat(failedUpstream.upstream()).isEqualTo("dataset chain-a/20230101 lot " + L0.plus(2).format());
        assertThat(failedUpstream.detail()).contains("arc copyA", "ended missing");
        assertThat(failedUpstream.error()).isEqualTo("States.TaskFailed: AccessDenied");
        assertThat(copyB.get(L0.plus(1).format()).cause()).isEqualTo(GapCause.upstreamMissing);
        assertThat(copyB.get(L0.plus(1).format()).detail()).contains("boundary ingressListener wrote no manifest");
        assertThat(copyB.get(L0.plus(5).format()).cause()).isEqualTo(GapCause.neverRan);

        Map<String, Gap> ingress = byLot(finder.datasetGaps("chain-ingress/20230101"));
        assertThat(ingress.get(L0.format()).cause()).isEqualTo(GapCause.lateArrivals);
        assertThat(ingress.get(L0.plus(1).format()).cause()).isEqualTo(GapCause.noUpstreamData);
        assertThat(ingress.get(L0.plus(5).format()).cause()).isEqualTo(GapCause.noUpstreamData);
        assertThat(ingress).doesNotContainKeys(L0.plus(2).format(), L0.plus(3).format());

        Map<String, Gap> chainA = byLot(finder.datasetGaps("chain-a/20230101"));
        assertThat(chainA.get(L0.plus(5).format()).cause()).isEqualTo(GapCause.upstreamEmpty);
        assertThat(chainA.get(L0.plus(4).format()).cause()).isEqualTo(GapCause.running);
        assertThat(chainA).doesNotContainKey(L0.format());
    }

    @Test
    void aRunOlderThanTheArcTimeout_isReportedStale() {
        LotId lot = L0.plus(50);
        manifest("chain-ingress", lot, ManifestState.complete);
        run("copyB", lot); // started at NOW by the fixed clock
        Instant later = NOW.plus(arc("copyB").gateProps().runningTimeout()).plusSeconds(1);
        GapFinder finder = new GapFinder(plan, server.store(), ListenerHistory.ALWAYS_ENABLED,
                Clock.fixed(later, ZoneOffset.UTC), new LotRange(lot, lot.next()));

        Gap gap = finder.arcGaps(project, arc("copyB")).get(0);

        assertThat(gap.cause()).isEqualTo(GapCause.running);
        assertThat(gap.stale()).isTrue();
    }

    /** Whether a manifest write time belongs to the lot written in this test (all are written "now" in real time). */
    private static boolean lotOfManifest(LotId lot, Instant when) {
        ObjectStore store = server.store();
        return store.head(DEV.manifestBucket(), ManifestURI.of(DEV.manifestBucket()).withDatasetName("chain-ingress")
                        .withDatasetVersion("20230101").withLot(lot).withState(ManifestState.complete).key())
                .map(info -> info.lastModified().equals(when)).orElse(false);
    }

    private static Map<String, Gap> byLot(List<Gap> gaps) {
        return gaps.stream().collect(Collectors.toMap(Gap::lot, Function.identity()));
    }
}

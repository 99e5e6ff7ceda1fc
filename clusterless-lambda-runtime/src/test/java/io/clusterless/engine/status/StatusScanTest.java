package io.clusterless.engine.status;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.ManifestState;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.uri.ArcStateURI;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Status scans read lot states from key names over a real S3 API, with a bounded number of list requests. */
class StatusScanTest {
    private static final LotId FIRST = LotId.parse("20230101PT5M000");
    private static S3ProxyServer server;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket("state").bucket("manifests");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static final ArcStateURI ARC = ArcStateURI.of("state", "p", "1", "copy");

    private static void state(ObjectStore store, ArcStateURI arc, LotId lot, ArcState state) {
        store.put("state", arc.withLot(lot).withState(state).key(), new byte[0], "application/x-ndjson");
    }

    @Test
    void arcLots_readsOnlyTheWindow_andSettlesTwoStateObjectsOnTheFinalOne() {
        ObjectStore store = server.store();
        ArcStateURI arc = ARC.withArcName("window");
        state(store, arc, FIRST, ArcState.complete);                 // before the window
        state(store, arc, FIRST.plus(1), ArcState.running);
        state(store, arc, FIRST.plus(1), ArcState.complete);         // a crash left two: complete is final
        state(store, arc, FIRST.plus(2), ArcState.partial);
        state(store, arc, FIRST.plus(3), ArcState.missing);
        state(store, arc, FIRST.plus(4), ArcState.complete);         // the window's end: excluded
        store.put("state", arc.withLot(FIRST.plus(2)).keyPath() + "notes/x.arc", new byte[0], "text/plain");
        // an arc whose name starts like this one's must not leak in
        state(store, ARC.withArcName("window-b"), FIRST.plus(2), ArcState.complete);

        SortedMap<LotId, ArcState> lots = ArcLots.scan(store, arc, new LotRange(FIRST.plus(1), FIRST.plus(4)));

        assertThat(lots).containsExactly(
                java.util.Map.entry(FIRST.plus(1), ArcState.complete),
                java.util.Map.entry(FIRST.plus(2), ArcState.partial),
                java.util.Map.entry(FIRST.plus(3), ArcState.missing));
    }

    @Test
    void datasetLots_tellCompleteEmptyPartialAttemptsAndLateArrivals() {
        ObjectStore store = server.store();
        ManifestURI dataset = ManifestURI.of("manifests").withDatasetName("orders").withDatasetVersion("1");
        store.put("manifests", dataset.withLot(FIRST).withState(ManifestState.complete).key(), new byte[0], "a/j");
        store.put("manifests", dataset.withLot(FIRST).keyPath() + "late/abc.json", new byte[0], "a/j");
        store.put("manifests", dataset.withLot(FIRST).keyPath() + "late/def.json", new byte[0], "a/j");
        store.put("manifests", dataset.withLot(FIRST.plus(1)).withState(ManifestState.empty).key(), new byte[0], "a/j");
        store.put("manifests", dataset.withLot(FIRST.plus(2)).withState(ManifestState.partial).withAttempt("a1").key(),
                new byte[0], "a/j");
        store.put("manifests", dataset.withLot(FIRST.plus(2)).withState(ManifestState.partial).withAttempt("a2").key(),
                new byte[0], "a/j");
        store.put("manifests", dataset.withLot(FIRST.plus(3)).keyPath() + "boundary.claim", new byte[0], "a/j");

        SortedMap<LotId, DatasetLot> lots = DatasetLots.scan(store, dataset, new LotRange(FIRST, FIRST.plus(10)));
        assertThat(lots.get(FIRST).written()).isNotNull();

        assertThat(lots.values()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("written").containsExactly(
                new DatasetLot(FIRST, ManifestState.complete, 0, 0, 2, null),
                new DatasetLot(FIRST.plus(1), ManifestState.empty, 0, 0, 0, null),
                new DatasetLot(FIRST.plus(2), ManifestState.partial, 2, 0, 0, null));
    }

    @Test
    void aWindowOf900Lots_costsOneListRequest_whateverTheHistoryAroundIt() {
        ArcStateURI arc = ARC.withArcName("scale");
        ObjectStore store = server.store();
        IntStream.range(0, 1400).parallel().forEach(i -> state(store, arc, FIRST.plus(i), ArcState.complete));
        CountingObjectStore counting = new CountingObjectStore(server.store());

        LotRange window = new LotRange(FIRST.plus(200), FIRST.plus(1100));
        SortedMap<LotId, ArcState> lots = ArcLots.scan(counting, arc, window);

        assertThat(lots).hasSize(900);
        // one page of 1,000 keys starting after lot 199 reaches past the window, so the scan stops there; listing
        // from the first lot, or reading on to the last, would take two
        assertThat(counting.lists.get()).isEqualTo(1L);
    }

    @Test
    void summary_countsStatesAndGapsAtTheEdges() {
        LotRange window = new LotRange(FIRST, FIRST.plus(10));
        SortedMap<LotId, ArcState> found = new java.util.TreeMap<>();
        found.put(FIRST.plus(2), ArcState.complete);
        found.put(FIRST.plus(3), ArcState.partial);
        found.put(FIRST.plus(6), ArcState.complete);

        StatusSummary summary = StatusSummary.of(window, found, List.of("running", "partial", "missing", "complete"),
                ArcState::name);

        assertThat(summary.temporalUnit()).isEqualTo(LotUnit.TWELFTHS);
        assertThat(summary.earliest()).isEqualTo("20230101PT5M000");
        assertThat(summary.earliestFound()).isEqualTo("20230101PT5M002");
        assertThat(summary.earliestGap()).isEqualTo(2);
        assertThat(summary.latest()).isEqualTo("20230101PT5M009");
        assertThat(summary.latestFound()).isEqualTo("20230101PT5M006");
        assertThat(summary.latestGap()).isEqualTo(3);
        assertThat(summary.counts()).containsExactly(java.util.Map.entry("running", 0L),
                java.util.Map.entry("partial", 1L), java.util.Map.entry("missing", 0L),
                java.util.Map.entry("complete", 2L));
        assertThat(summary.totalFound()).isEqualTo(3);
        assertThat(summary.range()).isEqualTo(10);
        assertThat(summary.rangeGap()).isEqualTo(7);
    }

    @Test
    void summary_ofNothingFound_isAllGap() {
        StatusSummary summary = StatusSummary.of(new LotRange(FIRST, FIRST.plus(4)), new java.util.TreeMap<LotId,
                ArcState>(), List.of("complete"), ArcState::name);

        assertThat(summary.earliestFound()).isNull();
        assertThat(summary.rangeGap()).isEqualTo(4);
        assertThat(summary.earliestGap()).isEqualTo(4);
    }
}

package io.clusterless.engine.status;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.manifest.ManifestState;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.uri.ArcStateURI;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The newest lot of an arc or dataset over a real S3 API: exact however old, in few list requests. */
class LatestLotsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static S3ProxyServer server;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket("state").bucket("manifests");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static void state(ObjectStore store, ArcStateURI arc, String lot, ArcState state) {
        store.put("state", arc.withLot(lot).withState(state).key(), new byte[0], "application/x-ndjson");
    }

    private static void manifest(ObjectStore store, ManifestURI dataset, String lot, ManifestState state) {
        store.put("manifests", dataset.withLot(LotId.parse(lot)).withState(state).key(), "{}".getBytes(),
                "application/json");
    }

    @Test
    void anArcsNewestLot_yearsOld_isFoundExactly_inAboutLog2OfItsAgeInDaysRequests() {
        ArcStateURI arc = ArcStateURI.of("state", "p", "1", "old");
        CountingObjectStore store = new CountingObjectStore(server.store());
        state(store, arc, "20230101PT5M000", ArcState.complete);
        state(store, arc, "20230101PT5M001", ArcState.partial);
        // an arc whose name extends this one's must not leak in
        state(store, ArcStateURI.of("state", "p", "1", "old-b"), "20261206PT5M000", ArcState.complete);
        long before = store.lists.get();

        LatestLots.ArcLot newest = LatestLots.arc(store, arc, TODAY).orElseThrow();

        assertThat(newest).isEqualTo(new LatestLots.ArcLot(LotId.parse("20230101PT5M001"), ArcState.partial));
        // 1,435 days back: probes after 0, 1, 3, …, 2047 days (12) and the single-lot state read (1)
        assertThat(store.lists.get() - before).isLessThanOrEqualTo(13L);
    }

    @Test
    void anArcsNewestLot_tomorrowByAClockAhead_isNotMissed_andTwoStateObjectsResolveAsTheGatesDo() {
        ArcStateURI arc = ArcStateURI.of("state", "p", "1", "ahead");
        ObjectStore store = server.store();
        state(store, arc, "20261206PT5M100", ArcState.complete);
        state(store, arc, "20261207PT5M000", ArcState.running);
        state(store, arc, "20261207PT5M000", ArcState.complete); // a crash left two: complete is final

        assertThat(LatestLots.arc(store, arc, TODAY)).hasValue(
                new LatestLots.ArcLot(LotId.parse("20261207PT5M000"), ArcState.complete));
        assertThat(LatestLots.arc(store, ArcStateURI.of("state", "p", "1", "never"), TODAY)).isEmpty();
    }

    @Test
    void aDatasetsNewestLot_andNewestCompleteLot_areToldApart() {
        ManifestURI dataset = ManifestURI.of("manifests").withDatasetName("d").withDatasetVersion("1");
        ObjectStore store = server.store();
        manifest(store, dataset, "20261101PT5M010", ManifestState.complete);
        manifest(store, dataset, "20261206PT5M002", ManifestState.empty);
        store.put("manifests", dataset.withLot(LotId.parse("20261206PT5M003")).keyPath() + "late/x.json",
                "{}".getBytes(), "application/json"); // a late-arrival record is no manifest

        assertThat(LatestLots.dataset(store, dataset, TODAY)).map(DatasetLot::lot)
                .hasValue(LotId.parse("20261206PT5M002"));
        assertThat(LatestLots.dataset(store, dataset, TODAY)).map(DatasetLot::state).hasValue(ManifestState.empty);
        assertThat(LatestLots.complete(store, dataset, TODAY)).map(DatasetLot::lot)
                .hasValue(LotId.parse("20261101PT5M010"));
    }
}

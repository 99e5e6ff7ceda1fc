package io.clusterless.engine.arc;

import io.clusterless.arcstate.ArcState;
import io.clusterless.event.ArcStateContext;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The join barrier (ADR-0011) on s3proxy: an arc with sources {@code orders} and {@code payments} runs each lot once,
 * and only once both hold a final manifest for it, whatever the order, duplication and concurrency of their events.
 * Every event is sent after its source's manifest is written, as boundaries and arcs do.
 */
class JoinBarrierTest {
    /** The sources' version is the test's own, so tests sharing the buckets do not see each other's manifests. */
    private final String version = UUID.randomUUID().toString().substring(0, 8);
    private final SourceDataset ORDERS = new SourceDataset("orders", version, true);
    private final SourceDataset PAYMENTS = new SourceDataset("payments", version, true);
    private static final SinkDataset JOINED = new SinkDataset("joined", "1", "s3://data/joined/");
    private static final int THREADS = 8;
    private static final int DUPLICATES = 10;
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
    void aLotWaitsForTheOtherSource_inEitherOrder_thenRunsOnceWithBothManifests() {
        Join join = new Join();
        for (List<SourceDataset> order : List.of(List.of(ORDERS, PAYMENTS), List.of(PAYMENTS, ORDERS))) {
            String lot = lot(order.get(0) == ORDERS ? 0 : 1);
            SourceDataset first = order.get(0);
            SourceDataset second = order.get(1);
            join.manifest(first, lot, ManifestState.complete);
            for (int i = 0; i < DUPLICATES; i++) {
                ArcStateContext answer = join.gate().start(join.event(first, lot));
                assertThat(ArcStartGate.runsWorkload(answer)).isFalse();
                assertThat(answer.waitingFor()).containsExactly("dataset " + second.id() + " lot " + lot);
            }
            assertThat(join.stateFiles(lot)).as("a waiting lot writes no state").isEmpty();

            join.manifest(second, lot, ManifestState.complete);
            ArcStateContext started = join.gate().start(join.event(second, lot));

            assertThat(ArcStartGate.runsWorkload(started)).isTrue();
            assertThat(started.waitingFor()).isEmpty();
            assertThat(started.arcWorkloadContext().role()).isEqualTo(second.getName());
            assertThat(started.arcWorkloadContext().sourceManifests()).containsOnlyKeys("orders", "payments")
                    .containsEntry("orders", join.manifestUri(ORDERS, lot, ManifestState.complete))
                    .containsEntry("payments", join.manifestUri(PAYMENTS, lot, ManifestState.complete));
            for (SourceDataset source : order) {
                ArcStateContext again = join.gate().start(join.event(source, lot));
                assertThat(ArcStartGate.runsWorkload(again)).isFalse();
                assertThat(again.previousState()).isEqualTo(ArcState.running);
            }
        }
    }

    @Test
    void anEmptyManifestCountsAsArrived() {
        Join join = new Join();
        String lot = lot(0);
        join.manifest(ORDERS, lot, ManifestState.empty);
        join.manifest(PAYMENTS, lot, ManifestState.partial);
        ArcStateContext partial = join.gate().start(join.event(ORDERS, lot));
        assertThat(partial.waitingFor()).as("a partial manifest is not final").containsExactly(
                "dataset payments/" + version + " lot " + lot);

        join.manifest(PAYMENTS, lot, ManifestState.complete);
        ArcStateContext started = join.gate().start(join.event(PAYMENTS, lot));

        assertThat(ArcStartGate.runsWorkload(started)).isTrue();
        assertThat(started.arcWorkloadContext().sourceManifests())
                .containsEntry("orders", join.manifestUri(ORDERS, lot, ManifestState.empty));
    }

    @Test
    void withoutABarrierTheFirstSourceStartsTheLot() {
        Join join = new Join(Map.of());
        String lot = lot(0);
        join.manifest(ORDERS, lot, ManifestState.complete);

        ArcStateContext started = join.gate().start(join.event(ORDERS, lot));

        assertThat(ArcStartGate.runsWorkload(started)).isTrue();
        assertThat(started.arcWorkloadContext().sourceManifests()).isEmpty();
    }

    @Test
    void twentyEventsPerLotInShuffledOrderFromEightThreads_runEachLotOnceAndNeverBeforeBothSources()
            throws Exception {
        Join join = new Join();
        int lots = 12;
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < lots; i++) {
            for (int copy = 0; copy < DUPLICATES; copy++) {
                deliveries.add(new Delivery(ORDERS, lot(i)));
                deliveries.add(new Delivery(PAYMENTS, lot(i)));
            }
        }
        Collections.shuffle(deliveries, new Random(17));

        Map<String, List<ArcStateContext>> runs = BarrierArc.race(deliveries, THREADS, Delivery::lot, delivery -> {
            // as a boundary does: the manifest first (idempotent for duplicates), then the event
            join.manifest(delivery.source(), delivery.lot(), ManifestState.complete);
            return join.gate().start(join.event(delivery.source(), delivery.lot()));
        });

        assertThat(runs).hasSize(lots);
        runs.forEach((lot, started) -> assertThat(started).as("lot %s", lot).singleElement()
                .satisfies(run -> assertThat(run.arcWorkloadContext().sourceManifests())
                        .as("the run saw both sources").containsOnlyKeys("orders", "payments")));
    }

    @Test
    void gatePropsCarryTheBarrierThroughTheirJson() {
        ArcGateProps props = new Join().props;
        assertThat(ArcGateProps.fromJson(props.toJson())).isEqualTo(props);
        assertThat(ArcGateProps.fromJson(props.toJson()).joins()).isTrue();
        assertThat(props.withRunningTimeout(java.time.Duration.ofMinutes(1)).barrier()).isEqualTo(props.barrier());
    }

    private record Delivery(SourceDataset source, String lot) {
    }

    /** One join arc of orders and payments, named afresh so tests share the buckets but not the lots. */
    private final class Join extends BarrierArc {
        Join() {
            this(null);
        }

        /** @param barrier the sources awaited, null for both */
        Join(Map<String, String> barrier) {
            super(server.store(), "join", name -> props(name, sources(), JOINED,
                    barrier == null ? awaited(sources()) : barrier, null));
        }

        ArcStartGate gate() {
            return new ArcStartGate(props, store, clock);
        }
    }

    private Map<String, SourceDataset> sources() {
        Map<String, SourceDataset> sources = new LinkedHashMap<>();
        sources.put("orders", ORDERS);
        sources.put("payments", PAYMENTS);
        return sources;
    }

    private static String lot(int index) {
        return LotId.of(LotUnit.TWELFTHS, Instant.parse("2023-02-27T00:00:00Z")).plus(index).format();
    }
}

package io.clusterless.engine.arc;

import io.clusterless.arc.ArcStateProps;
import io.clusterless.arc.ProjectId;
import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcStateContext;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.uri.ArcStateURI;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start gate given a schedule tick (ADR-0013) on s3proxy: it runs the lot that just ended, with what the sources
 * hold then, exactly once however often and however concurrently the tick is delivered.
 */
class ScheduleTickGateTest {
    private final String version = UUID.randomUUID().toString().substring(0, 8);
    private final SourceDataset orders = new SourceDataset("orders", version, true);
    private final SourceDataset payments = new SourceDataset("payments", version, false);
    private static final SinkDataset REPORT = new SinkDataset("report", "1", "s3://data/report/");
    private static final Instant TICK = Instant.parse("2026-12-06T02:00:06Z");
    private static final String LOT = "20261206PT1H001";
    private static S3ProxyServer server;

    private final MutableClock clock = new MutableClock();
    private final ObjectStore store = RetryingObjectStore.wrap(server.store());

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket("arc-state").bucket("manifests");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aTickRunsTheLotThatJustEnded_withWhatTheSourcesHoldThen_withoutWaitingForTheRest() {
        ArcGateProps props = props(Map.of("orders", orders, "payments", payments));
        String manifest = manifest(orders, LOT);

        ArcStateContext started = new ArcStartGate(props, store, clock).tick(TICK, LotUnit.HOURS);

        assertThat(ArcStartGate.runsWorkload(started)).isTrue();
        assertThat(started.waitingFor()).isEmpty();
        assertThat(started.arcWorkloadContext().arcNotifyEvent().lot()).isEqualTo(LOT);
        assertThat(started.arcWorkloadContext().role()).isEqualTo("orders");
        assertThat(started.arcWorkloadContext().arcNotifyEvent().manifest()).isEqualTo(manifest);
        assertThat(started.arcWorkloadContext().sourceManifests()).containsOnly(Map.entry("orders", manifest));
    }

    @Test
    void aScheduledWorkloadWithoutSourcesRunsTheLotAlone() {
        ArcStateContext started = new ArcStartGate(props(Map.of()), store, clock)
                .tick(Instant.parse("2026-12-07T02:00:00Z"), LotUnit.DAYS);

        assertThat(ArcStartGate.runsWorkload(started)).isTrue();
        assertThat(started.arcWorkloadContext().arcNotifyEvent().lot()).isEqualTo("20261206PT24H000");
        assertThat(started.arcWorkloadContext().arcNotifyEvent().dataset()).isNull();
        assertThat(started.arcWorkloadContext().arcNotifyEvent().manifest()).isNull();
        assertThat(started.arcWorkloadContext().sourceManifests()).isEmpty();
    }

    @Test
    void aTickDeliveredTwentyTimesFromEightThreadsRunsItsLotOnce() throws Exception {
        ArcGateProps props = props(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ArcStateContext>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return new ArcStartGate(props, store, clock).tick(TICK, LotUnit.HOURS);
                }));
            }
            go.countDown();
            int runs = 0;
            for (Future<ArcStateContext> answer : answers) {
                if (ArcStartGate.runsWorkload(answer.get())) {
                    runs++;
                } else {
                    assertThat(answer.get().previousState()).isEqualTo(ArcState.running);
                }
            }
            assertThat(runs).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTickExecWritesForALotRunsThatLot_andIsReadFromTheGateInput() throws Exception {
        LotId lot = LotId.parse(LOT);
        ScheduleTick tick = ScheduleTick.of(lot);
        assertThat(io.clusterless.schedule.ScheduleExpression.lotOf(LotUnit.HOURS, tick.time())).isEqualTo(lot);
        assertThat(ScheduleTick.in(Json.records().readTree(Json.records().writeValueAsString(tick.toJson()))))
                .contains(tick);
        assertThat(ScheduleTick.in(Json.records().readTree("{\"lot\": \"" + LOT + "\"}"))).isEmpty();
    }

    private ArcGateProps props(Map<String, SourceDataset> sources) {
        String name = "report-" + UUID.randomUUID().toString().substring(0, 8);
        return new ArcGateProps(new ArcStateProps(new ProjectId("p", "1"), name, new LinkedHashMap<>(sources),
                Map.of("main", REPORT), ArcStateURI.of("arc-state", "p", "1", name).template(), "bus"),
                Map.of("main", ManifestURI.of("manifests", REPORT).template()), null);
    }

    private String manifest(SourceDataset source, String lot) {
        ManifestURI uri = ManifestURI.of("manifests", source).withLot(lot).withState(ManifestState.complete);
        new ManifestStore(store).create(uri, new Manifest(ManifestState.complete, null, lot, UriType.identifier,
                List.of("s3://data/" + source.getName() + "/" + lot + ".json")));
        return uri.identifier();
    }
}

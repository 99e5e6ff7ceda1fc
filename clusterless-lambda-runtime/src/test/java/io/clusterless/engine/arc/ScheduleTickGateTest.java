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
    void aScheduledRollUpsTickRunsTheHourWithTheTwelfthsThereAre_recordingTheMissingOnes_once() throws Exception {
        ArcGateProps props = tickRollUp(Map.of("orders", orders, "payments", payments),
                Map.of("orders", LotUnit.TWELFTHS, "payments", LotUnit.HOURS));
        LotId hour = LotId.parse(LOT);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String twelfth = LotId.of(LotUnit.TWELFTHS, hour.start()).plus(i).format();
            if (i == 7) {
                continue; // never arrives
            }
            expected.add(i == 3 ? manifest(orders, twelfth, ManifestState.empty) : manifest(orders, twelfth));
        }
        String payment = manifest(payments, LOT);
        assertThat(ArcGateProps.fromJson(props.toJson())).isEqualTo(props);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ArcStateContext>> answers = new ArrayList<>();
        List<ArcStateContext> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return new ArcStartGate(props, store, clock).tick(TICK, LotUnit.HOURS);
                }));
            }
            go.countDown();
            for (Future<ArcStateContext> answer : answers) {
                if (ArcStartGate.runsWorkload(answer.get())) {
                    runs.add(answer.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(runs).as("20 deliveries from 8 threads").hasSize(1);
        ArcStateContext started = runs.get(0);
        String missing = "dataset " + orders.id() + " lot " + LotId.of(LotUnit.TWELFTHS, hour.start()).plus(7)
                .format();
        assertThat(started.waitingFor()).isEmpty();
        assertThat(started.arcWorkloadContext().arcNotifyEvent().lot()).isEqualTo(LOT);
        assertThat(started.arcWorkloadContext().arcNotifyEvent().manifest()).isNull();
        assertThat(started.arcWorkloadContext().coveredManifests()).containsOnly(
                Map.entry("orders", expected), Map.entry("payments", List.of(payment)));
        assertThat(CoveredManifests.read(store, started.arcWorkloadContext().coveredManifestsURI()))
                .isEqualTo(new CoveredManifests(LOT, started.arcWorkloadContext().coveredManifests(),
                        List.of(missing)));
        assertThat(new ArcStateStore(store, props.arcStateURI(), java.time.Clock.systemUTC()).lastTransition(LOT)
                .orElseThrow().late()).as("the attempt's running line names the lot it ran without")
                .containsExactly(missing);
    }

    @Test
    void aScheduledRollUpGivenATickOfAnotherUnitIsRefused() {
        ArcGateProps props = tickRollUp(Map.of("orders", orders), Map.of("orders", LotUnit.TWELFTHS));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ArcStartGate(props, store, clock)
                        .tick(TICK, LotUnit.DAYS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ticks Hours lots");
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

    private ArcGateProps tickRollUp(Map<String, SourceDataset> sources, Map<String, LotUnit> units) {
        ArcGateProps plain = props(sources);
        Map<String, LotUnit> ordered = new LinkedHashMap<>();
        plain.arc().sources().keySet().forEach(role -> ordered.put(role, units.get(role)));
        return new ArcGateProps(plain.arc(), plain.sinkManifestTemplates(), null, Map.of(), null,
                new ArcGateProps.RollUp(LotUnit.HOURS, null, ordered));
    }

    private String manifest(SourceDataset source, String lot) {
        return manifest(source, lot, ManifestState.complete);
    }

    private String manifest(SourceDataset source, String lot, ManifestState state) {
        ManifestURI uri = ManifestURI.of("manifests", source).withLot(lot).withState(state);
        new ManifestStore(store).create(uri, new Manifest(state, null, lot, UriType.identifier,
                state == ManifestState.empty ? List.of() : List.of("s3://data/" + source.getName() + "/" + lot
                        + ".json")));
        return uri.identifier();
    }
}

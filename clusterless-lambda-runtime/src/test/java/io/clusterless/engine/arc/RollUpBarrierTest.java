package io.clusterless.engine.arc;

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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Roll-ups (ADR-0012) on s3proxy: an {@code Hours} arc over {@code Twelfths} (and {@code Fourths}) sources runs each
 * hour once, never before every covered source lot holds a complete or empty manifest, or, with {@code lateAfter},
 * once past its deadline with what is there, naming the missing lots in its running line. Every event is sent after
 * its manifest is written, as boundaries and arcs do.
 */
class RollUpBarrierTest {
    private static final Instant HOUR = Instant.parse("2023-02-27T10:00:00Z");
    private static final String HOUR_LOT = LotId.of(LotUnit.HOURS, HOUR).format();
    private static final int THREADS = 8;
    private static final int DUPLICATES = 10;
    private static S3ProxyServer server;

    private final String version = UUID.randomUUID().toString().substring(0, 8);
    private final SourceDataset orders = new SourceDataset("orders", version, true);
    private final SourceDataset payments = new SourceDataset("payments", version, true);

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket("arc-state").bucket("manifests");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void anHourWaitsForEveryTwelfth_anEmptyOneCounts_thenRunsOnceWithTheirUnion() {
        RollUp roll = new RollUp(null, Map.of("main", orders), Map.of("main", LotUnit.TWELFTHS));
        Clock now = fixed(HOUR.plus(Duration.ofDays(1)));
        for (int i = 0; i < 11; i++) {
            roll.manifest(orders, twelfth(i), i == 3 ? ManifestState.empty : ManifestState.complete);
            for (int copy = 0; copy < DUPLICATES; copy++) {
                ArcStateContext answer = roll.gate(now).start(roll.event(orders, twelfth(i)));
                assertThat(ArcStartGate.runsWorkload(answer)).isFalse();
                assertThat(answer.waitingFor()).as("waits for the rest of the hour").hasSize(11 - i)
                        .first().isEqualTo("dataset " + orders.id() + " lot " + twelfth(i + 1));
            }
        }
        assertThat(roll.stateFiles()).as("a waiting lot writes no state").isEmpty();

        roll.manifest(orders, twelfth(11), ManifestState.complete);
        ArcStateContext started = roll.gate(now).start(roll.event(orders, twelfth(11)));

        assertThat(ArcStartGate.runsWorkload(started)).isTrue();
        assertThat(started.arcWorkloadContext().arcNotifyEvent().lot()).isEqualTo(HOUR_LOT);
        assertThat(started.arcWorkloadContext().coveredManifests().get("main")).hasSize(12)
                .contains(roll.manifestUri(orders, twelfth(3), ManifestState.empty))
                .endsWith(roll.manifestUri(orders, twelfth(11), ManifestState.complete));
        assertThat(roll.running().late()).isEmpty();
        String document = started.arcWorkloadContext().coveredManifestsURI();
        assertThat(document).as("one document per run, for a Batch container").isEqualTo("s3://manifests/arc-inputs/"
                + "project=p/version=1/arc=" + roll.name + "/lot=" + HOUR_LOT + "/attempt=" + started.arcAttempt()
                + ".json");
        assertThat(CoveredManifests.read(roll.store, document)).isEqualTo(new CoveredManifests(HOUR_LOT,
                started.arcWorkloadContext().coveredManifests(), List.of()));
        for (int i = 0; i < 12; i++) {
            ArcStateContext again = roll.gate(now).start(roll.event(orders, twelfth(i)));
            assertThat(ArcStartGate.runsWorkload(again)).isFalse();
            assertThat(again.arcWorkloadContext().coveredManifestsURI()).as("only the run writes one").isNull();
        }
    }

    @Test
    void withLateAfterALotMissingASourceLotStartsOnceAtItsDeadline_namingTheLotInItsRunningLine() {
        RollUp roll = new RollUp(Duration.ofHours(2), Map.of("main", orders), Map.of("main", LotUnit.TWELFTHS));
        Instant deadline = HOUR.plus(Duration.ofHours(3));
        for (int i = 0; i < 12; i++) {
            if (i != 5) {
                roll.manifest(orders, twelfth(i), i == 3 ? ManifestState.empty : ManifestState.complete);
            }
        }
        ArcStateContext early = roll.gate(fixed(deadline.minusMillis(1))).start(roll.event(orders, twelfth(11)));
        assertThat(early.waitingFor()).containsExactly("dataset " + orders.id() + " lot " + twelfth(5));
        assertThat(roll.gate(fixed(deadline)).start(roll.event(orders, twelfth(11))).waits())
                .as("only a tick starts a lot late").isTrue();
        assertThat(roll.gate(fixed(deadline.minusMillis(1))).startDue(HOUR_LOT).waits()).isTrue();
        assertThat(ArcStartGate.dueAt(roll.props.rollUp(), deadline).format())
                .as("the tick at the deadline is for this hour").isEqualTo(HOUR_LOT);
        assertThat(ArcStartGate.dueAt(roll.props.rollUp(), deadline.minusMillis(1)).format())
                .isEqualTo(LotId.parse(HOUR_LOT).previous().format());

        List<ArcStateContext> ticks = new ArrayList<>();
        for (int copy = 0; copy < DUPLICATES; copy++) {
            ticks.add(roll.gate(fixed(deadline)).startDue(HOUR_LOT));
        }

        assertThat(ticks.stream().filter(ArcStartGate::runsWorkload)).hasSize(1);
        ArcStateContext late = ticks.get(0);
        assertThat(ArcStartGate.runsWorkload(late)).isTrue();
        assertThat(late.arcWorkloadContext().coveredManifests().get("main")).hasSize(11);
        assertThat(roll.running().late()).containsExactly("dataset " + orders.id() + " lot " + twelfth(5));
        assertThat(roll.running().note()).isEqualTo("started late, without 1 source lot(s)");
        assertThat(CoveredManifests.read(roll.store, late.arcWorkloadContext().coveredManifestsURI()).missing())
                .containsExactly("dataset " + orders.id() + " lot " + twelfth(5));

        roll.manifest(orders, twelfth(5), ManifestState.complete);
        ArcStateContext afterwards = roll.gate(fixed(deadline)).start(roll.event(orders, twelfth(5)));
        assertThat(ArcStartGate.runsWorkload(afterwards)).as("the late lot is not run again by itself").isFalse();
    }

    @Test
    void aDeadlineWithNothingThereKeepsWaiting() {
        RollUp roll = new RollUp(Duration.ofHours(2), Map.of("main", orders), Map.of("main", LotUnit.TWELFTHS));
        ArcStateContext tick = roll.gate(fixed(HOUR.plus(Duration.ofDays(1)))).startDue(HOUR_LOT);
        assertThat(tick.waits()).isTrue();
        assertThat(tick.waitingFor()).hasSize(12);
        assertThat(roll.stateFiles()).isEmpty();
    }

    @Test
    void aSourceLotThatDoesNotDivideTheArcsLotIsRefused() {
        RollUp roll = new RollUp(null, Map.of("main", orders), Map.of("main", LotUnit.TWELFTHS));
        String day = LotId.of(LotUnit.DAYS, HOUR).format();
        assertThatThrownBy(() -> roll.gate(Clock.systemUTC()).start(roll.event(orders, day)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rolls up into Hours lots, which the Days lot " + day);
    }

    @Test
    void twoSourcesOfDifferentUnits_twoHours_tenDuplicatesShuffledFromEightThreads_runEachHourOnceWhenComplete()
            throws Exception {
        Map<String, SourceDataset> sources = new LinkedHashMap<>();
        sources.put("orders", orders);
        sources.put("payments", payments);
        RollUp roll = new RollUp(Duration.ofHours(2), sources,
                Map.of("orders", LotUnit.TWELFTHS, "payments", LotUnit.FOURTHS));
        Clock now = fixed(HOUR); // before any deadline (12:00, 13:00): only complete hours start
        List<Delivery> deliveries = new ArrayList<>();
        for (int hour = 0; hour < 2; hour++) {
            LotId arcLot = LotId.of(LotUnit.HOURS, HOUR.plus(Duration.ofHours(hour)));
            for (int copy = 0; copy < DUPLICATES; copy++) {
                RollUpCoverage.covered(arcLot, LotUnit.TWELFTHS).forEach(l -> deliveries.add(new Delivery(orders,
                        l.format(), arcLot.format())));
                RollUpCoverage.covered(arcLot, LotUnit.FOURTHS).forEach(l -> deliveries.add(new Delivery(payments,
                        l.format(), arcLot.format())));
            }
        }
        Collections.shuffle(deliveries, new Random(17));

        Map<String, List<ArcStateContext>> runs = BarrierArc.race(deliveries, THREADS, Delivery::hour, delivery -> {
            roll.manifest(delivery.source(), delivery.lot(), ManifestState.complete);
            return roll.gate(now).start(roll.event(delivery.source(), delivery.lot()));
        });

        assertThat(deliveries).hasSize(2 * DUPLICATES * 16);
        assertThat(runs).hasSize(2);
        runs.forEach((hour, started) -> assertThat(started).as("hour %s", hour).singleElement()
                .satisfies(run -> {
                    assertThat(run.arcWorkloadContext().coveredManifests().get("orders")).hasSize(12);
                    assertThat(run.arcWorkloadContext().coveredManifests().get("payments")).hasSize(4);
                }));
    }

    @Test
    void gatePropsCarryTheRollUpThroughTheirJson() {
        ArcGateProps props = new RollUp(Duration.ofMinutes(90), Map.of("main", orders),
                Map.of("main", LotUnit.TWELFTHS)).props;
        assertThat(props.toJson().replaceAll("\\s", "")).contains("\"rollUp\":{\"lotUnit\":\"Hours\","
                + "\"lateAfter\":\"PT1H30M\",\"sourceUnits\":{\"main\":\"Twelfths\"}}");
        assertThat(ArcGateProps.fromJson(props.toJson())).isEqualTo(props);
        assertThat(props.withRunningTimeout(Duration.ofMinutes(1)).rollUp()).isEqualTo(props.rollUp());
    }

    private static Clock fixed(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static String twelfth(int index) {
        return LotId.of(LotUnit.TWELFTHS, HOUR).plus(index).format();
    }

    private record Delivery(SourceDataset source, String lot, String hour) {
    }

    /** One Hours roll-up arc over the sources, named afresh so tests share the buckets but not the lots. */
    private static final class RollUp extends BarrierArc {
        RollUp(Duration lateAfter, Map<String, SourceDataset> sources, Map<String, LotUnit> units) {
            super(server.store(), "hourly", name -> props(name, sources, new SinkDataset("hourly", "1",
                    "s3://data/hourly/"), awaited(sources), new ArcGateProps.RollUp(LotUnit.HOURS, lateAfter,
                    inOrderOf(sources, units))));
        }

        /** The sources' units in the order of the sources. */
        private static Map<String, LotUnit> inOrderOf(Map<String, SourceDataset> sources, Map<String, LotUnit> units) {
            Map<String, LotUnit> ordered = new LinkedHashMap<>();
            sources.keySet().forEach(role -> ordered.put(role, units.get(role)));
            return ordered;
        }

        ArcStartGate gate(Clock clock) {
            return new ArcStartGate(props, store, clock);
        }

        ArcStateEntry running() {
            return new ArcStateStore(store, props.arcStateURI(), Clock.systemUTC()).lastTransition(HOUR_LOT)
                    .orElseThrow();
        }
    }
}

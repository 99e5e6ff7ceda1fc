package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.aws.AwsJsonClient;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cls exec --replay --downstream} on AWS (moto_server), examples/orders-join as deployed: the replay starts an
 * execution of the join and the hourly roll-up lot that consumed it is reopened for the replay's announcement to
 * start; one whose last run started late says how to start it late again, which no announcement does (ADR-0012).
 */
class ReplayDownstreamAwsTest {
    private static final PlacementNames DEV = new PlacementNames("dev", "123456789012", "us-west-2");
    /** Joined lots: the first of hour 000, which ran late without the other eleven, and one of hour 001. */
    private static final LotId LATE_HOURS_LOT = LotId.parse("20230101PT5M001");
    private static final LotId FULL_HOURS_LOT = LotId.parse("20230101PT5M013");
    private static MotoProcess moto;
    private static PlacementPlan plan;
    private static ObjectStore store;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoProcess.startWithCredentials();
        plan = PlacementPlan.of(DEV, new ProjectLoader().loadAll(List.of(ProjectSource.file(
                Examples.file("orders-join/project.json")))).deployables());
        store = moto.createStores(DEV);
        for (LotId lot : List.of(LATE_HOURS_LOT, FULL_HOURS_LOT)) {
            for (String dataset : List.of("orders", "payments", "orders-joined")) {
                store.put(DEV.manifestBucket(), manifest(dataset, lot).key(), "{}".getBytes(), "application/json");
            }
            complete("join", lot.format(), List.of());
        }
        complete("hourly", "20230101PT1H000", List.of("20230101PT5M000", "20230101PT5M002", "20230101PT5M003",
                "20230101PT5M004", "20230101PT5M005", "20230101PT5M006", "20230101PT5M007", "20230101PT5M008",
                "20230101PT5M009", "20230101PT5M010", "20230101PT5M011"));
        complete("hourly", "20230101PT1H001", List.of());

        AwsJsonClient states = new AwsJsonClient(moto.clients(), "states", "AWSStepFunctions", "1.0");
        states.call("CreateStateMachine", Json.records().createObjectNode()
                .put("name", arc("join").stateMachineName())
                .put("definition", "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}")
                .put("roleArn", "arn:aws:iam::123456789012:role/cls-test"));
    }

    @AfterAll
    static void stop() throws Exception {
        MotoProcess.stop(moto);
    }

    /** A run of the arc completed the lot; a roll-up's run started without the {@code late} lots. */
    private static void complete(String arc, String lot, List<String> late) {
        ArcStateStore states = states(arc);
        String attempt = states.start(lot, new ArcNotifyEvent(null, lot, "s3://m/x"), Duration.ofHours(1), late)
                .arcAttempt();
        states.end(lot, attempt, ArcState.complete, null, null);
    }

    private static ArcStateStore states(String arc) {
        return new ArcStateStore(store, arc(arc).gateProps().arcStateURI(), Clock.systemUTC());
    }

    private static ManifestURI manifest(String dataset, LotId lot) {
        return ManifestURI.of(DEV.manifestBucket()).withDatasetName(dataset).withDatasetVersion("20230101")
                .withLot(lot).withState(ManifestState.complete);
    }

    private static ArcPlan arc(String name) {
        return plan.projects().get(0).arcs().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static Cls.Result replayDownstream(LotId lot) throws Exception {
        return Cls.run("--output", "json", "exec", "--arc", "join", "--lot", lot.format(), "--replay", "--downstream",
                "-p", Examples.file("orders-join/project.json").toString(), "--endpoint-url",
                moto.endpoint().toString(), "--region", "us-west-2");
    }

    @Test
    void theRollUpLotIsReopenedForTheReplaysAnnouncement_andTheCommandSucceeds() throws Exception {
        Cls.Result result = replayDownstream(FULL_HOURS_LOT);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode rows = Json.records().readTree(result.out());
        assertThat(rows).extracting(row -> row.path("arc").asText() + " " + row.path("lot").asText() + " "
                + row.path("outcome").asText()).containsExactly("join 20230101PT5M013 started",
                "hourly 20230101PT1H001 reopened");
        assertThat(rows.get(1).has("detail")).as("nothing to do: the announcement starts it").isFalse();
        assertThat(states("hourly").state("20230101PT1H001")).hasValue(ArcState.missing);
    }

    @Test
    void aRollUpLotThatLastRanLate_saysHowToStartItLateAgain() throws Exception {
        Cls.Result result = replayDownstream(LATE_HOURS_LOT);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode rows = Json.records().readTree(result.out());
        assertThat(rows).extracting(row -> row.path("arc").asText() + " " + row.path("lot").asText() + " "
                + row.path("outcome").asText()).containsExactly("join 20230101PT5M001 started",
                "hourly 20230101PT1H000 reopened");
        assertThat(rows.get(1).path("detail").asText()).contains("without 11 covered lot(s)")
                .contains("cls exec --arc hourly --lot 20230101PT1H000");
        assertThat(states("hourly").state("20230101PT1H000")).hasValue(ArcState.missing);
    }
}

package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arcstate.ArcState;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.metadata.PlacementRecords;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.aws.AwsJsonClient;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.substrate.aws.ops.EventBridgeRules;
import io.clusterless.substrate.aws.ops.StepFunctionsExecutions;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations commands against AWS APIs served by moto_server: manifests and arc state written in the §4 layout
 * with the runtime's own classes, a listener rule and an arc state machine created the way the stacks name them.
 */
class OperateAwsTest {
    private static final PlacementNames DEV = new PlacementNames("dev", "123456789012", "us-west-2");
    private static final LotId LOT = LotId.parse("20230101PT5M042");
    /** A lot copyA completed, for the replay test alone. */
    private static final LotId REPLAYED = LotId.parse("20230101PT5M050");
    private static MotoProcess moto;
    private static PlacementPlan plan;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoProcess.startWithCredentials();
        plan = PlacementPlan.of(DEV, new ProjectLoader().loadAll(List.of(ProjectSource.file(
                Examples.file("copy-chain/project.json")))).deployables());
        ObjectStore store = moto.createStores(DEV);
        // the boundary announced the lot and copyA completed it; copyB never ran
        for (LotId lot : List.of(LOT, REPLAYED)) {
            for (String dataset : List.of("chain-ingress", "chain-a")) {
                store.put(DEV.manifestBucket(), manifest(dataset, lot).key(), "{}".getBytes(), "application/json");
            }
            CompletedLots.record(new ArcStateStore(store, arc("copyA").gateProps().arcStateURI(), Clock.systemUTC()),
                    lot);
        }

        AwsJsonClient events = new AwsJsonClient(moto.clients(), "events", "AWSEvents", "1.1");
        events.call("CreateEventBus", Json.records().createObjectNode().put("Name", DEV.arcEventBus()));
        events.call("PutRule", Json.records().createObjectNode().put("Name", arc("copyB").ruleName())
                .put("EventBusName", DEV.arcEventBus()).put("EventPattern", arc("copyB").listenerPattern())
                .put("State", "ENABLED"));
        AwsJsonClient states = new AwsJsonClient(moto.clients(), "states", "AWSStepFunctions", "1.0");
        for (String name : List.of("copyA", "copyB")) {
            states.call("CreateStateMachine", Json.records().createObjectNode()
                    .put("name", arc(name).stateMachineName())
                    .put("definition", "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}")
                    .put("roleArn", "arn:aws:iam::123456789012:role/cls-test"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        MotoProcess.stop(moto);
    }

    private static ManifestURI manifest(String dataset, LotId lot) {
        return ManifestURI.of(DEV.manifestBucket()).withDatasetName(dataset).withDatasetVersion("20230101")
                .withLot(lot).withState(ManifestState.complete);
    }

    private static ArcPlan arc(String name) {
        return plan.projects().get(0).arcs().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode cls(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--output", "json"));
        all.addAll(List.of(args));
        all.addAll(List.of("-p", Examples.file("copy-chain/project.json").toString(), "--endpoint-url",
                moto.endpoint().toString(), "--region", "us-west-2"));
        Cls.Result result = Cls.run(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return Json.records().readTree(result.out());
    }

    @Test
    void statusReadsArcStateAndManifestsInS3() throws Exception {
        JsonNode arcs = cls("arcs", "status", "--earliest", LOT.format(), "--latest", LOT.next().format());
        JsonNode datasets = cls("datasets", "status", "--name", "chain-a", "--list", "--earliest", LOT.format(),
                "--latest", LOT.next().format());

        assertThat(arcs.get(0).path("name").asText()).isEqualTo("copyA");
        assertThat(arcs.get(0).path("complete").asLong()).isEqualTo(1);
        assertThat(arcs.get(1).path("totalFound").asLong()).isZero();
        assertThat(datasets).hasSize(1);
        assertThat(datasets.get(0).path("manifestState").asText()).isEqualTo("complete");
        assertThat(datasets.get(0).path("lotId").asText()).isEqualTo(LOT.format());
    }

    @Test
    void gapsNameTheArcThatNeverRanOnACompleteUpstream() throws Exception {
        JsonNode gaps = cls("gaps", "--arc", "copyB", "--earliest", LOT.format(), "--latest", LOT.next().format());

        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).path("cause").asText()).isEqualTo("neverRan");
    }

    @Test
    void gapsNameTheLotWhoseNotificationWaitsInTheArcsDeadLetterQueue() throws Exception {
        // copyA completed the lot, but copyB's listener could not start its state machine: EventBridge dead-lettered it
        LotId lot = LotId.parse("20230101PT5M060");
        new S3ObjectStore(moto.clients().s3()).put(DEV.manifestBucket(), manifest("chain-a", lot).key(),
                "{}".getBytes(), "application/json");
        AwsJsonClient sqs = new AwsJsonClient(moto.clients(), "sqs", "AmazonSQS", "1.0");
        String queue = plan.projects().get(0).names().arcDeadLetterQueue("copyB");
        String url = sqs.call("CreateQueue", Json.records().createObjectNode().put("QueueName", queue))
                .path("QueueUrl").asText();
        var event = Json.records().createObjectNode().put("source", "clusterless.arc")
                .put("detail-type", "Clusterless Arc Notification").put("time", "2023-01-01T05:05:00Z");
        event.putObject("detail").put("lot", lot.format()).put("datasetId", "chain-a/20230101");
        sqs.call("SendMessage", Json.records().createObjectNode().put("QueueUrl", url)
                .put("MessageBody", event.toString()));

        JsonNode gaps = cls("gaps", "--arc", "copyB", "--earliest", lot.format(), "--latest", lot.next().format());

        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).path("cause").asText()).isEqualTo("deadLettered");
        assertThat(gaps.get(0).path("detail").asText()).contains(queue).contains("2023-01-01T05:05:00Z");
    }

    @Test
    void gapsOfTheDeployedProject_foundAmongTheAccountsBuckets_areThoseOfItsProjectFile() throws Exception {
        new PlacementRecords(new S3ObjectStore(moto.clients().s3()), Clock.systemUTC()).writeProjects(plan);
        String[] window = {"--earliest", LOT.previous().format(), "--latest", LOT.next().format()};

        Cls.Result deployed = Cls.run(concat(new String[]{"--output", "json", "gaps", "--deployed", "CopyChain",
                "--endpoint-url", moto.endpoint().toString(), "--region", "us-west-2"}, window));
        Cls.Result nowhere = Cls.run("gaps", "--project", "Nope", "--endpoint-url", moto.endpoint().toString(),
                "--region", "us-west-2");

        assertThat(deployed.exitCode()).as(deployed.toString()).isZero();
        JsonNode gaps = Json.records().readTree(deployed.out());
        assertThat(gaps.findValuesAsText("cause")).contains("neverRan");
        assertThat(gaps).isEqualTo(cls(concat(new String[]{"gaps"}, window)));
        assertThat(nowhere.exitCode()).as(nowhere.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(nowhere.err().strip()).isEqualTo("error: project Nope is not deployed in any placement in "
                + "region us-west-2 among the buckets the account lists; cls projects lists what is deployed");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Test
    void disableAndEnableSwitchTheListenerRule() throws Exception {
        EventBridgeRules rules = new EventBridgeRules(moto.clients());
        String rule = arc("copyB").ruleName();

        cls("disable", "--arc", "copyB");
        assertThat(rules.state(rule, DEV.arcEventBus())).hasValue("DISABLED");

        cls("enable", "--arc", "copyB");
        assertThat(rules.state(rule, DEV.arcEventBus())).hasValue("ENABLED");
    }

    @Test
    void execStartsOneExecutionOfTheArcStateMachinePerLot_andARetryStartsNoSecondOne() throws Exception {
        JsonNode started = cls("exec", "--arc", "copyB", "--lot", LOT.format());

        assertThat(started).hasSize(1);
        assertThat(started.get(0).path("outcome").asText()).isEqualTo("started");
        String execution = started.get(0).path("execution").asText();
        assertThat(execution).contains(arc("copyB").stateMachineName()).contains(LOT.format());
        assertThat(new StepFunctionsExecutions(moto.clients()).status(execution)).isNotEmpty();

        // Step Functions answers a start of the same name and input with the execution it already has
        JsonNode again = cls("exec", "--arc", "copyB", "--lot", LOT.format());
        assertThat(again.get(0).path("execution").asText()).isEqualTo(execution);
        JsonNode listed = new AwsJsonClient(moto.clients(), "states", "AWSStepFunctions", "1.0").call(
                "ListExecutions", Json.records().createObjectNode().put("stateMachineArn", execution.substring(0,
                        execution.lastIndexOf(':')).replace(":execution:", ":stateMachine:")));
        assertThat(listed.path("executions")).hasSize(1);
    }

    @Test
    void replayKeepsTheSinkManifestAsASupersededAttempt_reopensTheLot_andStartsAnExecution() throws Exception {
        ObjectStore store = new S3ObjectStore(moto.clients().s3());
        ArcStateStore copyA = new ArcStateStore(store, arc("copyA").gateProps().arcStateURI(), Clock.systemUTC());
        String completedBy = copyA.completedBy(REPLAYED.format()).orElseThrow();

        JsonNode replayed = cls("exec", "--arc", "copyA", "--lot", REPLAYED.format(), "--replay");

        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0).path("outcome").asText()).isEqualTo("started");
        assertThat(replayed.get(0).path("replayed").asText()).isEqualTo(completedBy);
        ManifestURI current = manifest("chain-a", REPLAYED);
        assertThat(replayed.get(0).path("superseded").get(0).asText())
                .isEqualTo(current.withAttempt(completedBy).identifier());
        assertThat(store.head(DEV.manifestBucket(), current.withAttempt(completedBy).key())).isPresent();
        assertThat(store.head(DEV.manifestBucket(), current.key())).as("free for the replayed run").isEmpty();
        assertThat(copyA.state(REPLAYED.format())).hasValue(ArcState.missing);
        assertThat(copyA.lastTransition(REPLAYED.format()).orElseThrow().note()).startsWith(ArcStateStore.REOPENED);
        String execution = replayed.get(0).path("execution").asText();
        assertThat(execution).contains(arc("copyA").stateMachineName()).contains(REPLAYED.format());
        assertThat(new StepFunctionsExecutions(moto.clients()).status(execution)).isNotEmpty();
    }
}

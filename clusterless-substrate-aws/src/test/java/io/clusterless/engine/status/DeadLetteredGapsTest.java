package io.clusterless.engine.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.BoundaryPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.load.SourceFormat;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.aws.AwsJsonClient;
import io.clusterless.runtime.testing.MotoServer;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.substrate.aws.ops.SqsDeadLetters;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cls gaps} names the events that wait in a project's dead-letter queues (moto_server's SQS) as the cause of
 * their lots: a boundary function's failure record (Lambda on-failure destination), a schedule the rule could not
 * deliver (EventBridge dead-letter queue) and an arc notification the arc's listener could not deliver. Peeking
 * leaves every message in its queue.
 */
class DeadLetteredGapsTest {
    private static final PlacementNames DEV = new PlacementNames("dev", "123456789012", "us-west-2");
    private static final String DATA = "dead-letter-data";
    private static final LotId L0 = LotId.parse("20230101PT5M000");
    private static final String PROJECT = """
            {"project": {"name": "DeadLetters", "version": "1"},
             "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"},
             "boundaries": [
               {"type": "aws:core:s3PutListenerBoundary", "name": "listen", "lotUnit": "Twelfths",
                "infrequent": {"lotSource": "eventTime"},
                "dataset": {"name": "in", "version": "1", "pathURI": "s3://dead-letter-data/in/"}},
               {"type": "aws:core:s3PutListenerBoundary", "name": "drain", "lotUnit": "Twelfths", "eventArrival": "frequent",
                "dataset": {"name": "drops", "version": "1", "pathURI": "s3://dead-letter-data/drops/"}}],
             "arcs": [{"type": "aws:core:s3CopyArc", "name": "copy", "sources": {"main": {"name": "in", "version": "1"}},
               "sinks": {"main": {"name": "out", "version": "1", "pathURI": "s3://dead-letter-data/out/"}}}]}
            """;
    private static MotoServer moto;
    private static S3ProxyServer s3;
    private static ProjectPlan project;
    private static PlacementPlan plan;
    private static AwsJsonClient sqs;

    @BeforeAll
    static void start() {
        moto = MotoServer.get();
        s3 = S3ProxyServer.start().bucket(DEV.manifestBucket()).bucket(DEV.arcStateBucket()).bucket(DATA);
        plan = PlacementPlan.of(DEV, new ProjectLoader().loadAll(List.of(ProjectSource.text("project.json", PROJECT,
                SourceFormat.JSON))).deployables());
        project = plan.projects().get(0);
        sqs = new AwsJsonClient(moto.clients(), "sqs", "AmazonSQS", "1.0");
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @Test
    void eventsWaitingInDeadLetterQueues_areTheCauseOfTheirLots_andStayInTheQueues() {
        String grouped = create(project.names().deadLetterQueue());
        String arcQueue = create(project.names().arcDeadLetterQueue("copy"));
        // L1: the infrequent boundary's function failed three times on an object of L1 (Lambda's failure record)
        send(grouped, lambdaFailure(s3Event("in/part-1.csv", L0.plus(1).start().plusSeconds(30))), Map.of());
        // an object of another lot, and one outside the dataset: no cause for L1's neighbours
        send(grouped, lambdaFailure(s3Event("in/part-9.csv", L0.plus(9).start())), Map.of());
        send(grouped, lambdaFailure(s3Event("elsewhere/x.csv", L0.plus(3).start())), Map.of());
        // another function of the project failed on an event naming an object of L0: not the boundary's
        send(grouped, lambdaFailure("DEV-dead-letters-other-act-1-us-west-2", s3Event("in/part-0.csv",
                L0.start())), Map.of());
        // L2: the frequent boundary's schedule at the start of L3 (which closes L2) was never delivered
        send(grouped, scheduled(boundary("drain").ruleName(), L0.plus(3).start()),
                Map.of("ERROR_CODE", "SDK_CLIENT_ERROR", "RULE_ARN", "arn:aws:events:us-west-2:123456789012:rule/"
                        + boundary("drain").ruleName()));
        // L4: the boundary wrote L4's manifest; its notification never started the copy arc
        manifest("in", L0.plus(4));
        send(arcQueue, arcNotify("in/1", L0.plus(4)), Map.of("ERROR_CODE", "SDK_CLIENT_ERROR"));

        GapFinder finder = new GapFinder(plan, s3.store(), ListenerHistory.ALWAYS_ENABLED,
                Clock.fixed(L0.plus(20).start(), ZoneOffset.UTC), new LotRange(L0, L0.plus(5)),
                new SqsDeadLetters(moto.clients()));

        Map<String, Gap> in = byLot(finder.datasetGaps("in/1"));
        assertThat(in.get(L0.plus(1).format()).cause()).isEqualTo(GapCause.deadLettered);
        assertThat(in.get(L0.plus(1).format()).detail()).contains("boundary listen")
                .contains("s3://" + DATA + "/in/part-1.csv").contains("event time 2023-01-01T00:05:30Z")
                .contains("dead-letter queue DEV-dead-letters-1-dlq").contains("RetriesExhausted after 3 attempts")
                .contains("AccessDenied");
        assertThat(in.get(L0.format()).cause()).isEqualTo(GapCause.noUpstreamData);
        assertThat(in.get(L0.plus(3).format()).cause()).isEqualTo(GapCause.noUpstreamData);

        Map<String, Gap> drops = byLot(finder.datasetGaps("drops/1"));
        assertThat(drops.get(L0.plus(2).format()).cause()).isEqualTo(GapCause.deadLettered);
        assertThat(drops.get(L0.plus(2).format()).detail()).contains("scheduled event").contains("SDK_CLIENT_ERROR");
        assertThat(drops.get(L0.plus(1).format()).cause()).isEqualTo(GapCause.noUpstreamData);
        assertThat(drops.get(L0.plus(3).format()).cause()).isEqualTo(GapCause.noUpstreamData);

        Map<String, Gap> copy = byLot(finder.arcGaps(project, arc("copy")));
        assertThat(copy.get(L0.plus(4).format()).cause()).isEqualTo(GapCause.deadLettered);
        assertThat(copy.get(L0.plus(4).format()).detail()).contains("DEV-dead-letters-copy-1-arc-dlq")
                .contains("dataset in/1");
        assertThat(copy.get(L0.plus(1).format()).cause()).as("one hop below the boundary")
                .isEqualTo(GapCause.deadLettered);
        assertThat(copy.get(L0.plus(1).format()).upstream()).isEqualTo("dataset in/1 lot " + L0.plus(1).format());
        assertThat(copy.get(L0.format()).cause()).isEqualTo(GapCause.noUpstreamData);

        // peeking removed nothing: a second reader sees every message
        assertThat(new SqsDeadLetters(moto.clients()).peek(project.names().deadLetterQueue())).hasSize(5);
        assertThat(new SqsDeadLetters(moto.clients()).peek(project.names().arcDeadLetterQueue("copy"))).hasSize(1);
    }

    @Test
    void aQueueThatDoesNotExist_holdsNothing() {
        assertThat(new SqsDeadLetters(moto.clients()).peek("DEV-never-created-1-dlq")).isEmpty();
    }

    private static String create(String name) {
        return sqs.call("CreateQueue", Json.records().createObjectNode().put("QueueName", name))
                .path("QueueUrl").asText();
    }

    private static void send(String url, String body, Map<String, String> attributes) {
        ObjectNode request = Json.records().createObjectNode().put("QueueUrl", url).put("MessageBody", body);
        ObjectNode values = request.putObject("MessageAttributes");
        attributes.forEach((name, value) -> values.putObject(name).put("DataType", "String").put("StringValue", value));
        sqs.call("SendMessage", request);
    }

    private static String s3Event(String key, Instant time) {
        ObjectNode event = Json.records().createObjectNode().put("version", "0").put("id", "e-" + key)
                .put("detail-type", "Object Created").put("source", "aws.s3").put("time", time.toString());
        ObjectNode detail = event.putObject("detail");
        detail.putObject("bucket").put("name", DATA);
        detail.putObject("object").put("key", key).put("size", 3);
        return event.toString();
    }

    /** What Lambda sends an on-failure destination after the retries of an asynchronous invocation. */
    private static String lambdaFailure(String event) {
        return lambdaFailure(boundary("listen").functionName(), event);
    }

    private static String lambdaFailure(String function, String event) {
        ObjectNode record = Json.records().createObjectNode().put("version", "1.0").put("timestamp", "2023-01-01T01:00:00Z");
        record.putObject("requestContext").put("requestId", "r1").put("functionArn",
                "arn:aws:lambda:us-west-2:123456789012:function:" + function + ":1")
                .put("condition", "RetriesExhausted").put("approximateInvokeCount", 3);
        record.set("requestPayload", Json.records().valueToTree(parse(event)));
        record.putObject("responseContext").put("statusCode", 200).put("functionError", "Unhandled");
        record.putObject("responsePayload").put("errorType", "ObjectStoreException").put("errorMessage", "AccessDenied");
        return record.toString();
    }

    private static String scheduled(String rule, Instant time) {
        ObjectNode event = Json.records().createObjectNode().put("version", "0").put("id", "s1")
                .put("detail-type", "Scheduled Event").put("source", "aws.events").put("time", time.toString());
        event.putArray("resources").add("arn:aws:events:us-west-2:123456789012:rule/" + rule);
        event.putObject("detail");
        return event.toString();
    }

    private static String arcNotify(String datasetId, LotId lot) {
        ObjectNode event = Json.records().createObjectNode().put("version", "0").put("id", "a1")
                .put("detail-type", "Clusterless Arc Notification").put("source", "clusterless.arc")
                .put("time", lot.next().start().toString());
        event.putObject("detail").put("lot", lot.format()).put("datasetId", datasetId)
                .put("manifest", "s3://m/manifest.json");
        return event.toString();
    }

    private static void manifest(String dataset, LotId lot) {
        ManifestURI uri = ManifestURI.of(DEV.manifestBucket()).withDatasetName(dataset).withDatasetVersion("1")
                .withLot(lot).withState(ManifestState.complete);
        if (ManifestState.complete.hasAttempt()) {
            uri = uri.withAttempt("a1");
        }
        s3.store().put(DEV.manifestBucket(), uri.key(), "{}".getBytes(), "application/json");
    }

    private static Object parse(String json) {
        try {
            return Json.records().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BoundaryPlan boundary(String name) {
        return project.boundaries().stream().filter(b -> b.model().getName().equals(name)).findFirst().orElseThrow();
    }

    private static ArcPlan arc(String name) {
        return project.arcs().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, Gap> byLot(List<Gap> gaps) {
        return gaps.stream().collect(Collectors.toMap(Gap::lot, Function.identity()));
    }
}

package io.clusterless.engine.boundary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.SinkDataset;
import io.clusterless.runtime.aws.AwsJsonClient;
import io.clusterless.runtime.aws.SqsQueue;
import io.clusterless.runtime.testing.MotoServer;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthesized queue hides a received message for six times the function timeout (90 minutes by default); a
 * drain gives back at once what it read but did not take, so objects that arrived after its cutoff land in the next
 * interval, not many intervals later (ADR-0002). Against moto_server's SQS with a 15-minute visibility timeout: no
 * sleeping, the second run starts right after the first.
 */
class FrequentBoundaryReleaseTest {
    private static final String DATA = "release-listened";
    private static final String MANIFESTS = "release-manifests";
    private static final LotUnit UNIT = LotUnit.TWELFTHS;
    private static MotoServer moto;
    private static S3ProxyServer s3;

    @BeforeAll
    static void start() {
        moto = MotoServer.get();
        s3 = S3ProxyServer.start().bucket(MANIFESTS);
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @Test
    void messagesAfterTheCutoff_areVisibleAgainAsSoonAsTheRunEnds_andTheNextIntervalTakesThem() {
        AwsJsonClient sqs = new AwsJsonClient(moto.clients(), "sqs", "AmazonSQS", "1.0");
        ObjectNode create = Json.records().createObjectNode().put("QueueName", "release-notifications");
        create.putObject("Attributes").put("VisibilityTimeout", String.valueOf(15 * 60));
        sqs.call("CreateQueue", create);
        SqsQueue queue = new SqsQueue(moto.clients(), "release-notifications");
        SinkDataset dataset = new SinkDataset("released", "1", "s3://" + DATA + "/released/");
        String bus = "release-bus";
        sqs.call("SendMessage", Json.records().createObjectNode().put("QueueUrl", queue.queueUrl())
                .put("MessageBody", FrequentBoundaryTest.notification(DATA, "released/after-cutoff.json")));
        FrequentBoundary boundary = new FrequentBoundary(BoundaryProps.builder().lotUnit(UNIT).dataset(dataset)
                .manifestBucket(MANIFESTS).eventBusName(bus).sqsQueueName("release-notifications").build(),
                s3.store(), queue, event -> {
                    // the bus is not what this test is about
                });
        Instant now = Instant.now();

        // an interval that ended before the message was sent: the message is read, deferred, and given back
        FrequentOutcome earlier = boundary.handle(now.minus(UNIT.duration()));
        // the next run, at once: it must see the message although the queue's visibility timeout has not passed
        FrequentOutcome next = boundary.handle(now.plus(UNIT.duration()));

        assertThat(earlier.deferred()).isEqualTo(1);
        assertThat(earlier.uris()).isEmpty();
        assertThat(next.lot()).isEqualTo(LotId.of(UNIT, now).format());
        assertThat(next.uris()).containsExactly("s3://" + DATA + "/released/after-cutoff.json");
    }
}

package io.clusterless.engine.arc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.queue.QueueMessage;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import io.clusterless.runtime.aws.AwsJsonClient;
import io.clusterless.runtime.aws.EventBridgePublisher;
import io.clusterless.runtime.aws.SqsQueue;
import io.clusterless.runtime.testing.MotoServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real arc bus to observe what the gates announce: an EventBridge bus on moto_server with a rule matching
 * {@code source = clusterless.arc} whose target is an SQS queue. Each instance has its own bus and queue.
 */
public final class ArcEventBus {
    private final String busName;
    private final EventBridgePublisher publisher;
    private final SqsQueue queue;

    private ArcEventBus(String busName, EventBridgePublisher publisher, SqsQueue queue) {
        this.busName = busName;
        this.publisher = publisher;
        this.queue = queue;
    }

    public static ArcEventBus create(MotoServer moto) {
        return create(moto, ArcNotifyEvent.SOURCE, ArcNotifyEvent.DETAIL_TYPE);
    }

    /** A bus whose observer queue hears the events of one source and detail type. */
    public static ArcEventBus create(MotoServer moto, String source, String detailType) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String busName = "arc-events-" + suffix;
        String queueName = "arc-observer-" + suffix;
        AwsJsonClient events = new AwsJsonClient(moto.clients(), "events", "AWSEvents", "1.1");
        AwsJsonClient sqs = new AwsJsonClient(moto.clients(), "sqs", "AmazonSQS", "1.0");
        events.call("CreateEventBus", node().put("Name", busName));
        String queueUrl = sqs.call("CreateQueue", node().put("QueueName", queueName)).path("QueueUrl").asText();
        ObjectNode attributes = node().put("QueueUrl", queueUrl);
        attributes.putArray("AttributeNames").add("QueueArn");
        String queueArn = sqs.call("GetQueueAttributes", attributes).path("Attributes").path("QueueArn").asText();
        events.call("PutRule", node().put("Name", "observe").put("EventBusName", busName)
                .put("EventPattern", "{\"source\": [\"" + source + "\"], \"detail-type\": [\""
                        + detailType + "\"]}"));
        ObjectNode targets = node().put("Rule", "observe").put("EventBusName", busName);
        targets.putArray("Targets").addObject().put("Id", "queue").put("Arn", queueArn);
        JsonNode put = events.call("PutTargets", targets);
        if (put.path("FailedEntryCount").asInt() > 0) {
            throw new IllegalStateException("cannot target the observer queue: " + put);
        }
        return new ArcEventBus(busName, new EventBridgePublisher(moto.clients(), busName), new SqsQueue(moto.clients(), queueName));
    }

    public String busName() {
        return busName;
    }

    public EventBridgePublisher publisher() {
        return publisher;
    }

    /** Every arc notification delivered so far (their {@code detail}), draining the queue. */
    public List<ArcNotifyEvent> drain() {
        List<ArcNotifyEvent> events = new ArrayList<>();
        for (JsonNode detail : drainDetails()) {
            try {
                events.add(Json.records().treeToValue(detail, ArcNotifyEvent.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return events;
    }

    /** The {@code detail} of every event delivered so far, draining the queue. */
    public List<JsonNode> drainDetails() {
        List<JsonNode> details = new ArrayList<>();
        for (List<QueueMessage> batch = queue.receive(10, 1); !batch.isEmpty(); batch = queue.receive(10, 0)) {
            for (QueueMessage message : batch) {
                try {
                    details.add(Json.records().readTree(message.body()).path("detail"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            queue.delete(batch);
        }
        return details;
    }

    private static ObjectNode node() {
        return Json.records().createObjectNode();
    }
}

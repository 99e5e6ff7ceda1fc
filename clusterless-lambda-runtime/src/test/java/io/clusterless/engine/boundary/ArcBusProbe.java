package io.clusterless.engine.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsJsonClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Observes what reaches an arc bus in moto_server the way production does: an EventBridge bus with a rule
 * ({@code source = clusterless.arc}) whose target is an SQS queue, read back here.
 */
final class ArcBusProbe {
    private final AwsJsonClient events;
    private final AwsJsonClient sqs;
    private final String queueUrl;

    ArcBusProbe(AwsClients clients, String busName) {
        this.events = new AwsJsonClient(clients, "events", "AWSEvents", "1.1");
        this.sqs = new AwsJsonClient(clients, "sqs", "AmazonSQS", "1.0");
        events.call("CreateEventBus", object().put("Name", busName));
        this.queueUrl = sqs.call("CreateQueue", object().put("QueueName", busName + "-probe")).path("QueueUrl").asText();
        ObjectNode attributes = object().put("QueueUrl", queueUrl);
        attributes.putArray("AttributeNames").add("QueueArn");
        String queueArn = sqs.call("GetQueueAttributes", attributes).path("Attributes").path("QueueArn").asText();
        events.call("PutRule", object().put("Name", "probe").put("EventBusName", busName)
                .put("EventPattern", "{\"source\": [\"" + ArcNotifyEvent.SOURCE + "\"]}"));
        ObjectNode targets = object().put("Rule", "probe").put("EventBusName", busName);
        targets.putArray("Targets").addObject().put("Id", "probe").put("Arn", queueArn);
        events.call("PutTargets", targets);
    }

    /** Every event delivered since the last call, in arrival order; each is removed from the probe queue. */
    List<ArcNotifyEvent> drain() {
        List<ArcNotifyEvent> received = new ArrayList<>();
        while (true) {
            ObjectNode request = object().put("QueueUrl", queueUrl).put("MaxNumberOfMessages", 10)
                    .put("WaitTimeSeconds", 0);
            JsonNode messages = sqs.call("ReceiveMessage", request).path("Messages");
            if (messages.isEmpty()) {
                return received;
            }
            for (JsonNode message : messages) {
                received.add(parse(message.path("Body").asText()));
                sqs.call("DeleteMessage", object().put("QueueUrl", queueUrl)
                        .put("ReceiptHandle", message.path("ReceiptHandle").asText()));
            }
        }
    }

    private static ArcNotifyEvent parse(String body) {
        try {
            JsonNode event = Json.records().readTree(body);
            if (!ArcNotifyEvent.DETAIL_TYPE.equals(event.path("detail-type").asText())) {
                throw new AssertionError("unexpected event on the arc bus: " + body);
            }
            return Json.records().treeToValue(event.path("detail"), ArcNotifyEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable event " + body, e);
        }
    }

    private static ObjectNode object() {
        return Json.records().createObjectNode();
    }
}

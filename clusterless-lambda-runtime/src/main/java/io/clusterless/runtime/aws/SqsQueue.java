package io.clusterless.runtime.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.queue.MessageQueue;
import io.clusterless.engine.queue.QueueMessage;
import io.clusterless.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** {@link MessageQueue} on SQS (JSON protocol); the queue URL is resolved once from its name. */
public final class SqsQueue implements MessageQueue {
    private static final System.Logger LOG = System.getLogger(SqsQueue.class.getName());
    /** The receipt is not the message's current one, or the message is gone. */
    private static final String RECEIPT_INVALID = "ReceiptHandleIsInvalid";
    /** The message is visible already. */
    private static final String NOT_IN_FLIGHT = "MessageNotInflight";

    private final AwsJsonClient sqs;
    private final String queueUrl;

    public SqsQueue(AwsClients clients, String queueName) {
        this.sqs = new AwsJsonClient(clients, "sqs", "AmazonSQS", "1.0");
        this.queueUrl = sqs.call("GetQueueUrl", Json.records().createObjectNode().put("QueueName", queueName))
                .path("QueueUrl").asText();
    }

    public String queueUrl() {
        return queueUrl;
    }

    @Override
    public List<QueueMessage> receive(int max, int waitSeconds) {
        ObjectNode request = Json.records().createObjectNode()
                .put("QueueUrl", queueUrl)
                .put("MaxNumberOfMessages", Math.min(10, Math.max(1, max)))
                .put("WaitTimeSeconds", waitSeconds);
        request.putArray("MessageSystemAttributeNames").add("SentTimestamp");
        request.putArray("AttributeNames").add("SentTimestamp");
        List<QueueMessage> messages = new ArrayList<>();
        for (JsonNode message : sqs.call("ReceiveMessage", request).path("Messages")) {
            String sent = message.path("Attributes").path("SentTimestamp").asText("0");
            messages.add(new QueueMessage(message.path("MessageId").asText(), message.path("ReceiptHandle").asText(),
                    message.path("Body").asText(), Instant.ofEpochMilli(Long.parseLong(sent))));
        }
        return messages;
    }

    /**
     * Deletes in batches of ten. A message whose receipt is no longer valid was received again since (its visibility
     * timeout ended and another consumer, or the dead-letter redrive, took it) or is gone already: it is the newer
     * holder's now, and consumers are at-least-once, so that is logged, not raised. Any other failure is raised.
     */
    @Override
    public void delete(List<QueueMessage> messages) {
        batches(messages, "DeleteMessageBatch", entry -> { }, Set.of(RECEIPT_INVALID), "delete");
    }

    /** A message received again since, gone, or visible already needs no release: logged, not raised. */
    @Override
    public void release(List<QueueMessage> messages) {
        batches(messages, "ChangeMessageVisibilityBatch", entry -> entry.put("VisibilityTimeout", 0),
                Set.of(RECEIPT_INVALID, NOT_IN_FLIGHT), "release");
    }

    private void batches(List<QueueMessage> messages, String operation, Consumer<ObjectNode> fill,
                         Set<String> passedOn, String verb) {
        List<String> failures = new ArrayList<>();
        String firstCode = null;
        for (int from = 0; from < messages.size(); from += 10) {
            ObjectNode request = Json.records().createObjectNode().put("QueueUrl", queueUrl);
            ArrayNode entries = request.putArray("Entries");
            List<QueueMessage> batch = messages.subList(from, Math.min(messages.size(), from + 10));
            for (int i = 0; i < batch.size(); i++) {
                ObjectNode entry = entries.addObject().put("Id", String.valueOf(i))
                        .put("ReceiptHandle", batch.get(i).receiptHandle());
                fill.accept(entry);
            }
            for (JsonNode failed : sqs.call(operation, request).path("Failed")) {
                String code = code(failed);
                String id = batch.get(failed.path("Id").asInt()).id();
                if (passedOn.contains(code)) {
                    LOG.log(System.Logger.Level.INFO, "no {0} of message {1} of {2}: {3} (received again since this "
                            + "consumer read it, or gone); left to its new holder", verb, id, queueUrl, code);
                } else {
                    firstCode = firstCode == null ? code : firstCode;
                    failures.add(code + " for message " + id + ": " + failed.path("Message").asText(""));
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AwsJsonException(firstCode, 200,
                    "could not " + verb + " " + failures.size() + " messages of " + queueUrl + ", first: "
                            + failures.get(0));
        }
    }

    /** The error code without the {@code AWS.SimpleQueueService.} namespace some codes carry. */
    private static String code(JsonNode failed) {
        String code = failed.path("Code").asText("Unknown");
        return code.substring(code.lastIndexOf('.') + 1);
    }

    /** Sends a message; used by tests and the local substrate to enqueue S3 notifications. */
    public void send(String body) {
        sqs.call("SendMessage", Json.records().createObjectNode().put("QueueUrl", queueUrl).put("MessageBody", body));
    }
}

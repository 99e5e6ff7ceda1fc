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

/** {@link MessageQueue} on SQS (JSON protocol); the queue URL is resolved once from its name. */
public final class SqsQueue implements MessageQueue {
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

    @Override
    public void delete(List<QueueMessage> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            ObjectNode request = Json.records().createObjectNode().put("QueueUrl", queueUrl);
            ArrayNode entries = request.putArray("Entries");
            List<QueueMessage> batch = messages.subList(from, Math.min(messages.size(), from + 10));
            for (int i = 0; i < batch.size(); i++) {
                entries.addObject().put("Id", String.valueOf(i)).put("ReceiptHandle", batch.get(i).receiptHandle());
            }
            JsonNode response = sqs.call("DeleteMessageBatch", request);
            if (response.path("Failed").size() > 0) {
                throw new AwsJsonException(response.path("Failed").path(0).path("Code").asText("DeleteFailed"), 200,
                        "could not delete " + response.path("Failed").size() + " messages from " + queueUrl);
            }
        }
    }

    @Override
    public void release(List<QueueMessage> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            ObjectNode request = Json.records().createObjectNode().put("QueueUrl", queueUrl);
            ArrayNode entries = request.putArray("Entries");
            List<QueueMessage> batch = messages.subList(from, Math.min(messages.size(), from + 10));
            for (int i = 0; i < batch.size(); i++) {
                entries.addObject().put("Id", String.valueOf(i)).put("ReceiptHandle", batch.get(i).receiptHandle())
                        .put("VisibilityTimeout", 0);
            }
            JsonNode response = sqs.call("ChangeMessageVisibilityBatch", request);
            if (response.path("Failed").size() > 0) {
                throw new AwsJsonException(response.path("Failed").path(0).path("Code").asText("ReleaseFailed"), 200,
                        "could not release " + response.path("Failed").size() + " messages of " + queueUrl);
            }
        }
    }

    /** Sends a message; used by tests and the local substrate to enqueue S3 notifications. */
    public void send(String body) {
        sqs.call("SendMessage", Json.records().createObjectNode().put("QueueUrl", queueUrl).put("MessageBody", body));
    }
}

package io.clusterless.substrate.aws.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.status.DeadLetter;
import io.clusterless.engine.status.DeadLetters;
import io.clusterless.json.Json;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsJsonClient;
import io.clusterless.runtime.aws.AwsJsonException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Peeks at SQS dead-letter queues: receives with a visibility timeout of 0, so every message stays visible to the
 * next reader and none is deleted. SQS samples its servers on each receive, so reading stops only after
 * {@value #QUIET_ROUNDS} rounds in a row bring nothing new, and after {@value #MAX_ROUNDS} rounds in any case.
 */
public final class SqsDeadLetters implements DeadLetters {
    static final int QUIET_ROUNDS = 3;
    static final int MAX_ROUNDS = 100;

    private final AwsJsonClient sqs;

    public SqsDeadLetters(AwsClients clients) {
        this.sqs = new AwsJsonClient(clients, "sqs", "AmazonSQS", "1.0");
    }

    @Override
    public List<DeadLetter> peek(String queueName) {
        String url;
        try {
            url = sqs.call("GetQueueUrl", Json.records().createObjectNode().put("QueueName", queueName))
                    .path("QueueUrl").asText();
        } catch (AwsJsonException e) {
            String code = String.valueOf(e.code());
            if (code.contains("NonExistentQueue") || code.contains("QueueDoesNotExist")) {
                return List.of();
            }
            throw e;
        }
        Map<String, DeadLetter> seen = new LinkedHashMap<>();
        int quiet = 0;
        for (int round = 0; round < MAX_ROUNDS && quiet < QUIET_ROUNDS; round++) {
            ObjectNode request = Json.records().createObjectNode()
                    .put("QueueUrl", url)
                    .put("MaxNumberOfMessages", 10)
                    .put("VisibilityTimeout", 0)
                    .put("WaitTimeSeconds", 0);
            request.putArray("AttributeNames").add("SentTimestamp");
            request.putArray("MessageSystemAttributeNames").add("SentTimestamp");
            request.putArray("MessageAttributeNames").add("All");
            boolean fresh = false;
            for (JsonNode message : sqs.call("ReceiveMessage", request).path("Messages")) {
                String id = message.path("MessageId").asText();
                if (seen.containsKey(id)) {
                    continue;
                }
                fresh = true;
                Map<String, String> attributes = new HashMap<>();
                message.path("MessageAttributes").fields().forEachRemaining(attribute ->
                        attributes.put(attribute.getKey(), attribute.getValue().path("StringValue").asText()));
                long sent = message.path("Attributes").path("SentTimestamp").asLong(0);
                seen.put(id, new DeadLetter(queueName, id, Instant.ofEpochMilli(sent),
                        message.path("Body").asText(), attributes));
            }
            quiet = fresh ? 0 : quiet + 1;
        }
        return new ArrayList<>(seen.values());
    }
}

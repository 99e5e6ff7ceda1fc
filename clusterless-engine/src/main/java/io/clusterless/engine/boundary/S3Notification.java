package io.clusterless.engine.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.location.S3ObjectId;
import io.clusterless.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * An S3 event notification as delivered to a queue: {@code Records[].s3.bucket.name} and
 * {@code Records[].s3.object.key} (URL-encoded), or the {@code s3:TestEvent} S3 sends when notifications are
 * configured. A notification wrapped by SNS ({@code Type: Notification}, the JSON in {@code Message}) is unwrapped.
 *
 * @param testEvent true for {@code s3:TestEvent}, which carries no objects
 * @param objects   created objects, keys decoded
 * @param problems  records that could not be read, described for the log
 */
public record S3Notification(boolean testEvent, List<S3Object> objects, List<String> problems) {
    /** One created object. */
    public record S3Object(String bucket, String key) {
        public String uri() {
            return new S3ObjectId(bucket, key).uri();
        }
    }

    public S3Notification {
        objects = List.copyOf(objects);
        problems = List.copyOf(problems);
    }

    /**
     * Reads a message body.
     *
     * @throws IllegalArgumentException if the body is not JSON or not an S3 notification
     */
    public static S3Notification parse(String body) {
        JsonNode json = read(body);
        if ("Notification".equals(json.path("Type").asText()) && json.path("Message").isTextual()) {
            json = read(json.path("Message").asText());
        }
        if ("s3:TestEvent".equals(json.path("Event").asText())) {
            return new S3Notification(true, List.of(), List.of());
        }
        JsonNode records = json.path("Records");
        if (!records.isArray()) {
            throw new IllegalArgumentException("not an S3 event notification: no Records array and not s3:TestEvent");
        }
        List<S3Object> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            String eventName = record.path("eventName").asText("");
            if (!eventName.isEmpty() && !eventName.startsWith("ObjectCreated")) {
                continue;
            }
            JsonNode bucket = record.path("s3").path("bucket").path("name");
            JsonNode key = record.path("s3").path("object").path("key");
            if (!bucket.isTextual() || !key.isTextual() || key.asText().isEmpty()) {
                problems.add("Records[" + i + "] has no s3.bucket.name or s3.object.key");
                continue;
            }
            objects.add(new S3Object(bucket.asText(), S3Keys.decode(key.asText())));
        }
        return new S3Notification(false, objects, problems);
    }

    private static JsonNode read(String body) {
        try {
            JsonNode json = Json.records().readTree(body == null ? "" : body);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("not an S3 event notification: the body is not a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an S3 event notification: the body is not JSON ("
                    + e.getOriginalMessage() + ")", e);
        }
    }
}

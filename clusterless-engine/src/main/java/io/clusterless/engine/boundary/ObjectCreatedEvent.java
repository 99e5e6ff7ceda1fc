package io.clusterless.engine.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.location.S3ObjectId;
import io.clusterless.json.Json;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;

/**
 * The part of an EventBridge S3 "Object Created" event a boundary needs.
 *
 * @param time   the event's {@code time}
 * @param bucket {@code detail.bucket.name}
 * @param key    {@code detail.object.key}, URL-decoded
 */
public record ObjectCreatedEvent(Instant time, String bucket, String key) {
    public ObjectCreatedEvent {
        Objects.requireNonNull(bucket, "bucket is required");
        Objects.requireNonNull(key, "key is required");
    }

    /**
     * Reads the EventBridge JSON.
     *
     * @throws IllegalArgumentException naming the missing or unreadable field
     */
    public static ObjectCreatedEvent parse(String json) {
        JsonNode event;
        try {
            event = Json.records().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("S3 Object Created event is not JSON: " + e.getOriginalMessage(), e);
        }
        return of(event);
    }

    public static ObjectCreatedEvent of(JsonNode event) {
        String bucket = text(event, "detail", "bucket", "name");
        String key = text(event, "detail", "object", "key");
        String time = text(event, "time");
        try {
            return new ObjectCreatedEvent(Instant.parse(time), bucket, S3Keys.decode(key));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("S3 Object Created event: time is not an ISO-8601 instant: " + time, e);
        }
    }

    private static String text(JsonNode event, String... path) {
        JsonNode node = event;
        for (String field : path) {
            node = node.path(field);
        }
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw new IllegalArgumentException("S3 Object Created event has no " + String.join(".", path)
                    + "; expected an EventBridge event with source aws.s3 and detail-type Object Created");
        }
        return node.asText();
    }

    /** {@code s3://bucket/key}. */
    public String uri() {
        return new S3ObjectId(bucket, key).uri();
    }

    /** A folder marker (key ending with {@code /}), as consoles create; never data. */
    public boolean isFolderMarker() {
        return key.endsWith("/");
    }
}

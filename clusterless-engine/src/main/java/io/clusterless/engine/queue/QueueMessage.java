package io.clusterless.engine.queue;

import java.time.Instant;

/** A received queue message; {@code receiptHandle} deletes it. */
public record QueueMessage(String id, String receiptHandle, String body, Instant sentTimestamp) {
}

package io.clusterless.runtime.queue;

import java.util.List;

/** The queue a frequent boundary drains every interval. */
public interface MessageQueue {
    /** Up to {@code max} (at most 10) messages, waiting up to {@code waitSeconds} for the first. */
    List<QueueMessage> receive(int max, int waitSeconds);

    void delete(List<QueueMessage> messages);
}

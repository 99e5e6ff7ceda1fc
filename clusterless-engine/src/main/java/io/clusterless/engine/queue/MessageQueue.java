package io.clusterless.engine.queue;

import java.util.List;

/** The queue a frequent boundary drains every interval. */
public interface MessageQueue {
    /** Up to {@code max} (at most 10) messages, waiting up to {@code waitSeconds} for the first. */
    List<QueueMessage> receive(int max, int waitSeconds);

    void delete(List<QueueMessage> messages);

    /**
     * Makes received messages visible again now instead of at the end of their visibility timeout. A queue without
     * timeouts (the local one makes every message receivable again at each drain) has nothing to do.
     */
    default void release(List<QueueMessage> messages) {
    }
}

package io.clusterless.engine.status;

import java.util.List;

/** The messages waiting in a dead-letter queue, read without removing them. */
@FunctionalInterface
public interface DeadLetters {
    /** No dead-letter queues: the local substrate, or a report that does not look. */
    DeadLetters NONE = queue -> List.of();

    /** @return the queue's messages; empty when the queue does not exist (e.g. a stack deployed before it had one) */
    List<DeadLetter> peek(String queueName);
}

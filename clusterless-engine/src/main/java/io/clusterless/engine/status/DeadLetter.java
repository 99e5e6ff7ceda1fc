package io.clusterless.engine.status;

import java.time.Instant;
import java.util.Map;

/**
 * A message in a dead-letter queue, as peeked (not removed).
 *
 * @param attributes the message attributes EventBridge adds ({@code RULE_ARN}, {@code ERROR_CODE},
 *                   {@code ERROR_MESSAGE}); empty for Lambda's failure records, which carry theirs in the body
 */
public record DeadLetter(String queue, String id, Instant sent, String body, Map<String, String> attributes) {
    public DeadLetter {
        attributes = Map.copyOf(attributes);
    }
}

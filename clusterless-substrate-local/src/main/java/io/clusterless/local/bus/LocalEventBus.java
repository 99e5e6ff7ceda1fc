package io.clusterless.local.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.event.EventPublisher;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import software.amazon.event.ruler.Machine;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The in-process stand-in for EventBridge: rules are the same pattern JSON the stacks synthesize, evaluated by AWS's
 * own matcher (event-ruler), so an event reaches a target locally exactly when it would in AWS. Delivery is by the
 * caller's {@link Consumer}s; the bus itself keeps no queue.
 */
public final class LocalEventBus implements EventPublisher {
    private final Machine machine = new Machine();
    private final Map<String, Consumer<JsonNode>> targets = new ConcurrentHashMap<>();
    private final String busName;
    private final Clock clock;

    public LocalEventBus(String busName, Clock clock) {
        this.busName = busName;
        this.clock = clock;
    }

    /**
     * @param pattern an EventBridge event pattern (JSON)
     * @param target  receives the whole event envelope of every match
     * @throws IllegalArgumentException if the pattern is not one EventBridge would accept
     */
    public synchronized void addRule(String ruleName, String pattern, Consumer<JsonNode> target) {
        try {
            machine.addRule(ruleName, pattern);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("rule " + ruleName + " has an unusable event pattern: " + e.getMessage()
                    + "; pattern: " + pattern, e);
        }
        targets.put(ruleName, target);
    }

    /** Publishes an arc notification the way {@code PutEvents} would on the arc bus. */
    @Override
    public void publish(ArcNotifyEvent event) {
        put(ArcNotifyEvent.SOURCE, ArcNotifyEvent.DETAIL_TYPE, Json.records().valueToTree(event));
    }

    /** Puts an event with this source, detail-type and detail; returns how many rules matched. */
    public int put(String source, String detailType, JsonNode detail) {
        return put(source, detailType, detail, clock.instant());
    }

    /** As {@link #put(String, String, JsonNode)}, with the event's time (an S3 event's is when the object was written). */
    public int put(String source, String detailType, JsonNode detail, java.time.Instant time) {
        ObjectNode envelope = Json.records().createObjectNode();
        envelope.put("version", "0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("detail-type", detailType);
        envelope.put("source", source);
        envelope.put("account", "000000000000");
        envelope.put("time", time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        envelope.put("region", "local");
        envelope.putArray("resources");
        envelope.put("event-bus-name", busName);
        envelope.set("detail", detail);
        return deliver(envelope);
    }

    /** Delivers a complete event envelope to every matching rule's target. */
    public int deliver(JsonNode envelope) {
        List<String> matched;
        try {
            synchronized (this) {
                matched = machine.rulesForJSONEvent(Json.records().writeValueAsString(envelope));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event", e);
        } catch (Exception e) {
            throw new IllegalArgumentException("event cannot be matched: " + e.getMessage(), e);
        }
        for (String rule : matched) {
            targets.get(rule).accept(envelope);
        }
        return matched.size();
    }
}

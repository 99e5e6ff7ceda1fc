package io.clusterless.substrate.aws.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsJsonClient;
import io.clusterless.runtime.aws.AwsJsonException;

import java.util.Optional;

/** Enables, disables and reads the state of EventBridge rules (listeners), for {@code cls enable|disable}. */
public final class EventBridgeRules {
    private final AwsJsonClient events;

    public EventBridgeRules(AwsClients clients) {
        this.events = new AwsJsonClient(clients, "events", "AWSEvents", "1.1");
    }

    /** @param eventBusName the rule's bus; null for the default bus */
    public void setEnabled(String ruleName, String eventBusName, boolean enabled) {
        events.call(enabled ? "EnableRule" : "DisableRule", request(ruleName, eventBusName));
    }

    /** {@code ENABLED}, {@code DISABLED}, …; empty when no such rule exists. */
    public Optional<String> state(String ruleName, String eventBusName) {
        try {
            JsonNode rule = events.call("DescribeRule", request(ruleName, eventBusName));
            return Optional.ofNullable(rule.path("State").textValue());
        } catch (AwsJsonException e) {
            if ("ResourceNotFoundException".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static ObjectNode request(String ruleName, String eventBusName) {
        ObjectNode request = Json.records().createObjectNode().put("Name", ruleName);
        if (eventBusName != null) {
            request.put("EventBusName", eventBusName);
        }
        return request;
    }
}

package io.clusterless.substrate.aws.construct;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.clusterless.json.Json;
import software.amazon.awscdk.services.events.EventPattern;

import java.util.List;
import java.util.Map;

/**
 * Turns the plan's pattern JSON into CDK's {@link EventPattern}, so the synthesized rule carries exactly the pattern
 * the local bus evaluates.
 */
public final class EventPatternJson {
    private EventPatternJson() {
    }

    @SuppressWarnings("unchecked")
    public static EventPattern of(String json) {
        Map<String, Object> pattern;
        try {
            pattern = Json.records().readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable event pattern: " + json, e);
        }
        EventPattern.Builder builder = EventPattern.builder();
        for (Map.Entry<String, Object> entry : pattern.entrySet()) {
            Object value = entry.getValue();
            switch (entry.getKey()) {
                case "source" -> builder.source((List<String>) value);
                case "detail-type" -> builder.detailType((List<String>) value);
                case "detail" -> builder.detail((Map<String, Object>) value);
                case "account" -> builder.account((List<String>) value);
                case "region" -> builder.region((List<String>) value);
                case "resources" -> builder.resources((List<String>) value);
                default -> throw new IllegalArgumentException("unsupported event pattern field: " + entry.getKey());
            }
        }
        return builder.build();
    }
}

package io.clusterless.engine.listener;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/**
 * One enable or disable of an arc's or boundary's listener, as recorded in the metadata bucket.
 *
 * @param component the arc or boundary name, as declared
 * @param enabled   the state from {@code at} on
 * @param at        when the change was made, an ISO-8601 instant
 * @param reason    why, for people; optional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"project", "version", "component", "enabled", "at", "reason"})
public record ListenerChange(String project, String version, String component, boolean enabled, String at,
                             String reason) {
    public Instant instant() {
        return Instant.parse(at);
    }
}

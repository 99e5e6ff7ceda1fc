package io.clusterless.engine.arc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The start gate's input when a schedule fires (ADR-0013): {@code {"tick": "<ISO instant>"}}, beside the
 * ArcNotifyEvent a listener delivers. On AWS the schedule rule writes it from the scheduled event's {@code time};
 * {@code cls exec} writes the tick at a lot's end, which runs exactly that lot.
 *
 * @param time when the schedule fired
 */
public record ScheduleTick(Instant time) {
    public static final String FIELD = "tick";
    /** The start gate's environment variable naming the unit of the lots a scheduled arc's ticks run. */
    public static final String LOT_UNIT_VARIABLE = "CLS_ARC_TICK_LOT_UNIT";

    /** The tick that runs {@code lot}: its end. */
    public static ScheduleTick of(LotId lot) {
        return new ScheduleTick(lot.end());
    }

    /** The tick in a gate input, if the input is one; an ArcNotifyEvent is not. */
    public static Optional<ScheduleTick> in(JsonNode input) {
        JsonNode time = input == null ? null : input.get(FIELD);
        if (time == null || time.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ScheduleTick(Instant.parse(time.asText())));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("schedule tick \"" + time.asText() + "\" is not an ISO-8601 instant "
                    + "such as 2026-12-06T02:00:00Z", e);
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.records().createObjectNode();
        node.put(FIELD, time.toString());
        return node;
    }
}

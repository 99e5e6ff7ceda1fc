package io.clusterless.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input of every workload (reference §4.7): which source role the event arrived for, and the event itself.
 *
 * @param role                     the source role whose dataset the event names
 * @param arcNotifyEvent           the event that started the arc
 * @param existingPartialManifests role → partial manifest URIs of earlier attempts; reserved for retries, never null
 * @param sourceManifests          a join (ADR-0011): every subscribed source role → its {@code complete} or
 *                                 {@code empty} manifest for the lot, the arriving role's included; empty (and
 *                                 omitted from JSON) when the arc starts on one source's lot. Never null.
 * @param coveredManifests         a roll-up (ADR-0012): every subscribed source role → the {@code complete} or
 *                                 {@code empty} manifests of the source lots inside the arc's lot, in lot order (a
 *                                 role that holds none has an empty list); the workload reads their union. Empty (and
 *                                 omitted from JSON) for other arcs. Never null.
 * @param coveredManifestsURI      a roll-up's run (ADR-0012): {@code s3://<manifest bucket>/arc-inputs/…/attempt=<id>.json},
 *                                 the start gate's document of {@code coveredManifests} for this run, which a Batch
 *                                 container reads (its size does not bound the job's arguments); null (and omitted)
 *                                 otherwise
 */
@JsonPropertyOrder({"role", "arcNotifyEvent", "existingPartialManifests", "sourceManifests", "coveredManifests",
        "coveredManifestsURI"})
public record ArcWorkloadContext(String role, ArcNotifyEvent arcNotifyEvent,
                                 Map<String, List<String>> existingPartialManifests,
                                 @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> sourceManifests,
                                 @JsonInclude(JsonInclude.Include.NON_EMPTY)
                                 Map<String, List<String>> coveredManifests,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String coveredManifestsURI) {
    public ArcWorkloadContext {
        existingPartialManifests = copy(existingPartialManifests);
        sourceManifests = sourceManifests == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(sourceManifests));
        coveredManifests = copy(coveredManifests);
    }

    public ArcWorkloadContext(String role, ArcNotifyEvent arcNotifyEvent,
                              Map<String, List<String>> existingPartialManifests, Map<String, String> sourceManifests,
                              Map<String, List<String>> coveredManifests) {
        this(role, arcNotifyEvent, existingPartialManifests, sourceManifests, coveredManifests, null);
    }

    public ArcWorkloadContext(String role, ArcNotifyEvent arcNotifyEvent,
                              Map<String, List<String>> existingPartialManifests, Map<String, String> sourceManifests) {
        this(role, arcNotifyEvent, existingPartialManifests, sourceManifests, Map.of());
    }

    /** Whether the context is a roll-up's: the workload reads each role's covered manifests. */
    public boolean rollsUp() {
        return !coveredManifests.isEmpty();
    }

    public ArcWorkloadContext(String role, ArcNotifyEvent arcNotifyEvent,
                              Map<String, List<String>> existingPartialManifests) {
        this(role, arcNotifyEvent, existingPartialManifests, Map.of());
    }

    public ArcWorkloadContext(String role, ArcNotifyEvent arcNotifyEvent) {
        this(role, arcNotifyEvent, Map.of());
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((role, uris) -> copy.put(role, uris == null ? List.of() : List.copyOf(uris)));
        return Collections.unmodifiableMap(copy);
    }
}

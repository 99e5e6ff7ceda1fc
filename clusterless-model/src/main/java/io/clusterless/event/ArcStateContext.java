package io.clusterless.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arcstate.ArcState;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The document the arc state machine passes between its gates and the workload (reference §3.7, §4.7). The JSON
 * paths {@code $.arcWorkloadContext}, {@code $.sinkManifests}, {@code $.workloadResponse} and {@code $.workloadError}
 * are part of the state machine definition, so the property names must not change.
 *
 * @param previousState      the lot's state before the start gate ran, {@code null} if it had none
 * @param currentState       the lot's state now
 * @param arcWorkloadContext the workload's input
 * @param sinkManifests      sink role → manifest URI written by the workload; never null
 * @param workloadResponse   raw result of a Batch job, if any
 * @param workloadError      the caught workload failure, if any
 * @param arcAttempt         the start gate's token for this run of the lot; the complete gate records the outcome only
 *                           while the run still owns the lot (a run taken over after its timeout is refused). Omitted
 *                           from JSON when absent, so documents without it keep their shape.
 */
@JsonPropertyOrder({"previousState", "currentState", "arcWorkloadContext", "sinkManifests", "workloadResponse",
        "workloadError", "arcAttempt"})
public record ArcStateContext(ArcState previousState, ArcState currentState, ArcWorkloadContext arcWorkloadContext,
                              Map<String, String> sinkManifests, JsonNode workloadResponse,
                              WorkloadError workloadError,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String arcAttempt) {
    public ArcStateContext {
        sinkManifests = sinkManifests == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sinkManifests));
        // JSON null reads as a NullNode; keep "absent" one value so contexts compare equal after a round trip.
        workloadResponse = workloadResponse == null || workloadResponse.isNull() ? null : workloadResponse;
    }

    /** A context without an attempt token, as written before the gates recorded one. */
    public ArcStateContext(ArcState previousState, ArcState currentState, ArcWorkloadContext arcWorkloadContext,
                           Map<String, String> sinkManifests, JsonNode workloadResponse, WorkloadError workloadError) {
        this(previousState, currentState, arcWorkloadContext, sinkManifests, workloadResponse, workloadError, null);
    }
}

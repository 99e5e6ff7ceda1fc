package io.clusterless.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arcstate.ArcState;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param waitingFor         a join whose lot cannot start yet (ADR-0011): each subscribed source lot without a
 *                           {@code complete} or {@code empty} manifest, as {@code dataset <name>/<version> lot <lot>};
 *                           the state machine ends {@code WaitingForSources}. Empty (and omitted) otherwise.
 * @param workloadMetrics    what the workload measured about this run, by name, e.g. {@code athenaScannedBytes} (the
 *                           bytes Athena reports scanned); the complete gate records them with the run's end
 *                           (ADR-0003). Empty (and omitted) when the workload reports none, so older documents and
 *                           readers keep their shape.
 */
@JsonPropertyOrder({"previousState", "currentState", "arcWorkloadContext", "sinkManifests", "workloadResponse",
        "workloadError", "arcAttempt", "waitingFor", "workloadMetrics"})
public record ArcStateContext(ArcState previousState, ArcState currentState, ArcWorkloadContext arcWorkloadContext,
                              Map<String, String> sinkManifests, JsonNode workloadResponse,
                              WorkloadError workloadError,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String arcAttempt,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> waitingFor,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> workloadMetrics) {
    public ArcStateContext {
        waitingFor = waitingFor == null ? List.of() : List.copyOf(waitingFor);
        workloadMetrics = WorkloadMetrics.copy(workloadMetrics);
        sinkManifests = sinkManifests == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sinkManifests));
        // JSON null reads as a NullNode; keep "absent" one value so contexts compare equal after a round trip.
        workloadResponse = workloadResponse == null || workloadResponse.isNull() ? null : workloadResponse;
    }

    public ArcStateContext(ArcState previousState, ArcState currentState, ArcWorkloadContext arcWorkloadContext,
                           Map<String, String> sinkManifests, JsonNode workloadResponse, WorkloadError workloadError,
                           String arcAttempt, List<String> waitingFor) {
        this(previousState, currentState, arcWorkloadContext, sinkManifests, workloadResponse, workloadError,
                arcAttempt, waitingFor, Map.of());
    }

    public ArcStateContext(ArcState previousState, ArcState currentState, ArcWorkloadContext arcWorkloadContext,
                           Map<String, String> sinkManifests, JsonNode workloadResponse, WorkloadError workloadError,
                           String arcAttempt) {
        this(previousState, currentState, arcWorkloadContext, sinkManifests, workloadResponse, workloadError,
                arcAttempt, List.of());
    }

    /** A join's lot that waits for its other sources: nothing ran, nothing changed. */
    public static ArcStateContext waiting(ArcWorkloadContext arcWorkloadContext, List<String> waitingFor) {
        return new ArcStateContext(null, null, arcWorkloadContext, Map.of(), null, null, null, waitingFor);
    }

    /** This context with the workload's measurements of its run. */
    public ArcStateContext withWorkloadMetrics(Map<String, Long> metrics) {
        return new ArcStateContext(previousState, currentState, arcWorkloadContext, sinkManifests, workloadResponse,
                workloadError, arcAttempt, waitingFor, metrics);
    }

    /** Whether the start gate answered that the lot waits for other sources. */
    public boolean waits() {
        return !waitingFor.isEmpty();
    }

    /** A context without an attempt token, as written before the gates recorded one. */
    public ArcStateContext(ArcState previousState, ArcState currentState, ArcWorkloadContext arcWorkloadContext,
                           Map<String, String> sinkManifests, JsonNode workloadResponse, WorkloadError workloadError) {
        this(previousState, currentState, arcWorkloadContext, sinkManifests, workloadResponse, workloadError, null);
    }
}

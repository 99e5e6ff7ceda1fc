package io.clusterless.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A workload failure as Step Functions' {@code Catch} records it; the keys are capitalised because that is what the
 * state machine writes to {@code $.workloadError} and what its final choice tests ({@code $.workloadError.Error}).
 *
 * @param error the error name, e.g. {@code States.TaskFailed}
 * @param cause the cause, often a JSON document as text
 */
@JsonPropertyOrder({"Error", "Cause"})
public record WorkloadError(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {
}

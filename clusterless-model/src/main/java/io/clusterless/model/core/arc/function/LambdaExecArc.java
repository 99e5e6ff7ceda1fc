package io.clusterless.model.core.arc.function;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Arc;

/**
 * {@code aws:core:lambdaExecArc}: the user's own function (Python, Node or Java) runs once per lot under the
 * function contract (docs/function-contract.md): it gets the lot's source objects and sink paths, writes its
 * objects and returns them per sink role; cls writes the manifests.
 */
@JsonPropertyOrder({"type", "name", "exclude", "sources", "sinks", "workload"})
public class LambdaExecArc extends Arc<LambdaExecSettings> {
    public static final String TYPE = "aws:core:lambdaExecArc";

    @JsonProperty(required = true)
    @JsonPropertyDescription("Runtime, handler, code folder, environment and Lambda props of the function.")
    private LambdaExecSettings workload = new LambdaExecSettings();

    @Override
    public LambdaExecSettings getWorkload() {
        return workload;
    }

    /** A roll-up's function gets the union of each source role's covered lots under {@code sources.<role>}. */
    @Override
    public boolean readsCoveredLots() {
        return true;
    }
}

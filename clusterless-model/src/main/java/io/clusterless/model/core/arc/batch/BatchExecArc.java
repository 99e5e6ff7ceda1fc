package io.clusterless.model.core.arc.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Arc;

/** {@code aws:core:batchExecArc}: runs a container on AWS Batch (Fargate) for each lot. */
@JsonPropertyOrder({"type", "name", "exclude", "sources", "sinks", "workload"})
public class BatchExecArc extends Arc<BatchExecSettings> {
    public static final String TYPE = "aws:core:batchExecArc";

    @JsonProperty(required = true)
    @JsonPropertyDescription("Image, command, environment and runtime props.")
    private BatchExecSettings workload = new BatchExecSettings();

    @Override
    public BatchExecSettings getWorkload() {
        return workload;
    }

    /**
     * A roll-up's container gets every covered lot: the start gate's covered-manifests document, named by
     * {@code CLS_COVERED_MANIFESTS_URI} and {@code $.coveredManifestsURI} (ADR-0012).
     */
    @Override
    public boolean readsCoveredLots() {
        return true;
    }
}

package io.clusterless.model.core.arc.sagemaker;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Arc;

/** {@code aws:core:sageMakerProcessingArc}: a SageMaker processing job per lot. */
@JsonPropertyOrder({"type", "name", "exclude", "sources", "sinks", "workload"})
public class SageMakerProcessingArc extends Arc<SageMakerProcessingSettings> {
    public static final String TYPE = "aws:core:sageMakerProcessingArc";

    @JsonProperty(required = true)
    @JsonPropertyDescription("Image, command, environment and the job's instances.")
    private SageMakerProcessingSettings workload = new SageMakerProcessingSettings();

    @Override
    public SageMakerProcessingSettings getWorkload() {
        return workload;
    }
}

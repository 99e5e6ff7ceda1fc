package io.clusterless.model.core.arc.sagemaker;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Arc;

/** {@code aws:core:sageMakerTrainingArc}: a SageMaker training job per lot; its one sink holds the model. */
@JsonPropertyOrder({"type", "name", "exclude", "sources", "sinks", "workload"})
public class SageMakerTrainingArc extends Arc<SageMakerTrainingSettings> {
    public static final String TYPE = "aws:core:sageMakerTrainingArc";

    @JsonProperty(required = true)
    @JsonPropertyDescription("Image, command, environment, hyperparameters and the job's instances.")
    private SageMakerTrainingSettings workload = new SageMakerTrainingSettings();

    @Override
    public SageMakerTrainingSettings getWorkload() {
        return workload;
    }
}

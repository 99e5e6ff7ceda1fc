package io.clusterless.model.core.arc.sagemaker;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.Map;

/** WorkloadSettings of a sageMakerTrainingArc: a processing job's settings and the hyperparameters. */
@JsonPropertyOrder({"imagePath", "imageUri", "command", "environment", "instanceType", "instanceCount", "volumeSizeGB",
        "maxRuntimeMin", "hyperParameters"})
public class SageMakerTrainingSettings extends SageMakerJobSettings {
    @JsonPropertyDescription("Hyperparameters of the training job (/opt/ml/input/config/hyperparameters.json).")
    private Map<String, String> hyperParameters = new LinkedHashMap<>();

    public Map<String, String> getHyperParameters() {
        return hyperParameters;
    }
}

package io.clusterless.model.core.arc.sagemaker;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** WorkloadSettings of a sageMakerProcessingArc. */
@JsonPropertyOrder({"imagePath", "imageUri", "command", "environment", "instanceType", "instanceCount", "volumeSizeGB",
        "maxRuntimeMin"})
public class SageMakerProcessingSettings extends SageMakerJobSettings {
}

package io.clusterless.model.core.arc.s3copy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Architecture;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.model.WorkloadSettings;

/** WorkloadSettings of an s3CopyArc. */
@JsonPropertyOrder({"workloadProps", "runtimeProps"})
public class S3CopySettings implements WorkloadSettings {
    @JsonPropertyDescription("Filter and failure tolerance.")
    private S3CopyProps workloadProps = new S3CopyProps();
    @JsonPropertyDescription("Lambda props of the copy function.")
    private LambdaRuntimeProps runtimeProps = new LambdaRuntimeProps(512, 3, 15, Architecture.ARM_64);

    public S3CopyProps getWorkloadProps() {
        return workloadProps;
    }

    public LambdaRuntimeProps getRuntimeProps() {
        return runtimeProps;
    }
}

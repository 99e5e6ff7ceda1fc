package io.clusterless.model.core.arc.gluepartitions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Architecture;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.model.WorkloadSettings;

/** WorkloadSettings of a glueAddPartitionsArc. */
@JsonPropertyOrder({"workloadProps", "runtimeProps"})
public class GlueAddPartitionsSettings implements WorkloadSettings {
    @JsonPropertyDescription("How partitions are read from paths and which are listed in the manifest.")
    private GlueAddPartitionsProps workloadProps = new GlueAddPartitionsProps();
    @JsonPropertyDescription("Lambda props of the partition function.")
    private LambdaRuntimeProps runtimeProps = new LambdaRuntimeProps(512, 3, 15, Architecture.ARM_64);

    public GlueAddPartitionsProps getWorkloadProps() {
        return workloadProps;
    }

    public LambdaRuntimeProps getRuntimeProps() {
        return runtimeProps;
    }
}

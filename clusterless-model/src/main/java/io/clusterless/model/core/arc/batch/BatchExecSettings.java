package io.clusterless.model.core.arc.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.model.Architecture;
import io.clusterless.model.BatchRuntimeProps;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.model.WorkloadSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** WorkloadSettings of a batchExecArc. */
@JsonPropertyOrder({"computeEnvironmentRef", "imagePath", "command", "environment", "workloadProps",
        "batchRuntimeProps", "lambdaRuntimeProps"})
public class BatchExecSettings implements WorkloadSettings {
    @JsonProperty(required = true)
    @JsonPropertyDescription("The compute environment: a computeEnvironment component name, a ref:... export or an arn:.")
    private String computeEnvironmentRef;
    @JsonProperty(required = true)
    @JsonPropertyDescription("Directory with a Dockerfile, relative to the project file.")
    private String imagePath;
    @JsonPropertyDescription("Container command; an element `$` or `$.path` is replaced by that JSONPath of the workload context.")
    private List<String> command = new ArrayList<>();
    @JsonPropertyDescription("Environment variables of the container.")
    private Map<String, String> environment = new LinkedHashMap<>();
    @JsonPropertyDescription("Free-form properties passed to the container in CLS_ARC_PROPS_JSON.")
    private JsonNode workloadProps = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    @JsonPropertyDescription("Batch job props.")
    private BatchRuntimeProps batchRuntimeProps = new BatchRuntimeProps(1024, 0, 60, Architecture.X86_64);
    @JsonPropertyDescription("Lambda props of the result collector.")
    private LambdaRuntimeProps lambdaRuntimeProps = new LambdaRuntimeProps(512, 3, 15, Architecture.ARM_64);

    public String getComputeEnvironmentRef() {
        return computeEnvironmentRef;
    }

    public String getImagePath() {
        return imagePath;
    }

    public List<String> getCommand() {
        return command;
    }

    public Map<String, String> getEnvironment() {
        return environment;
    }

    public JsonNode getWorkloadProps() {
        return workloadProps;
    }

    public BatchRuntimeProps getBatchRuntimeProps() {
        return batchRuntimeProps;
    }

    public LambdaRuntimeProps getLambdaRuntimeProps() {
        return lambdaRuntimeProps;
    }
}

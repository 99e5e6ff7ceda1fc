package io.clusterless.model.core.resource.compute;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Resource;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code aws:core:computeEnvironment}: a managed AWS Batch Fargate compute environment in the bootstrap VPC. */
@JsonPropertyOrder({"type", "name", "exclude", "computeEnvironmentName", "useSpot", "tags"})
public class ComputeResource extends Resource {
    public static final String TYPE = "aws:core:computeEnvironment";

    @JsonProperty(required = true)
    @JsonPropertyDescription("Compute environment name; the physical name adds stage, project and version.")
    private String computeEnvironmentName;
    @JsonPropertyDescription("Use Fargate Spot capacity.")
    private boolean useSpot = false;
    @JsonPropertyDescription("Tags applied to the compute environment.")
    private Map<String, String> tags = new LinkedHashMap<>();

    public String getComputeEnvironmentName() {
        return computeEnvironmentName;
    }

    public boolean isUseSpot() {
        return useSpot;
    }

    public Map<String, String> getTags() {
        return tags;
    }
}

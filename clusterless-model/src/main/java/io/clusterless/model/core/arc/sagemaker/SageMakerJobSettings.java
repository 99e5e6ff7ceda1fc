package io.clusterless.model.core.arc.sagemaker;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.clusterless.model.WorkloadSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a SageMaker processing and a training arc's {@code workload} have in common: the container and its machines. */
public abstract class SageMakerJobSettings implements WorkloadSettings {
    @JsonPropertyDescription("Folder with a Dockerfile, relative to the project file; built into the job's image. "
            + "Give this or imageUri.")
    private String imagePath;
    @JsonPropertyDescription("An image already in a registry SageMaker can pull from (ECR). Give this or imagePath.")
    private String imageUri;
    @JsonPropertyDescription("The container's entrypoint and arguments; also what cls local run runs, in imagePath.")
    private List<String> command = new ArrayList<>();
    @JsonPropertyDescription("Environment variables of the container.")
    private Map<String, String> environment = new LinkedHashMap<>();
    @JsonPropertyDescription("SageMaker instance type, e.g. ml.m5.large.")
    private String instanceType = "ml.m5.large";
    @JsonPropertyDescription("Number of instances.")
    private int instanceCount = 1;
    @JsonPropertyDescription("Size of each instance's storage volume in GB.")
    private int volumeSizeGB = 30;
    @JsonPropertyDescription("The job is stopped after this many minutes.")
    private int maxRuntimeMin = 60;

    public String getImagePath() {
        return imagePath;
    }

    public String getImageUri() {
        return imageUri;
    }

    public List<String> getCommand() {
        return command;
    }

    public Map<String, String> getEnvironment() {
        return environment;
    }

    public String getInstanceType() {
        return instanceType;
    }

    public int getInstanceCount() {
        return instanceCount;
    }

    public int getVolumeSizeGB() {
        return volumeSizeGB;
    }

    public int getMaxRuntimeMin() {
        return maxRuntimeMin;
    }
}

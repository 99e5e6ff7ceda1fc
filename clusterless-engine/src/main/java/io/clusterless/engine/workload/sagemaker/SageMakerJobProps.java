package io.clusterless.engine.workload.sagemaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.json.Json;

/**
 * What a SageMaker arc's function needs at run time, the {@code workloadProps} of its arc props.
 *
 * @param kind      {@code processing} or {@code training}
 * @param inputsURI where the lots' input manifest files are written, {@code s3://<manifest bucket>/sagemaker-inputs/
 *                  project=<p>/version=<v>/arc=<a>/}
 */
public record SageMakerJobProps(SageMakerLayout.Kind kind, String project, String version, String arc,
                                String inputsURI) {
    public static SageMakerJobProps from(JsonNode workloadProps) {
        if (workloadProps == null) {
            throw new WorkloadException("the SageMaker arc's arc props carry no workloadProps; redeploy the arc");
        }
        try {
            return Json.records().treeToValue(workloadProps, SageMakerJobProps.class);
        } catch (JsonProcessingException e) {
            throw new WorkloadException("workloadProps of the SageMaker arc are not valid: " + e.getOriginalMessage(), e);
        }
    }

    public JsonNode toTree() {
        return Json.records().valueToTree(this);
    }

    public String jobName(String lot, String attempt) {
        return SageMakerJobName.of(project, version, arc, lot, attempt);
    }
}

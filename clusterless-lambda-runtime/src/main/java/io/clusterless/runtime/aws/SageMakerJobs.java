package io.clusterless.runtime.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;

import java.util.Optional;

/** SageMaker's processing and training jobs by name (JSON protocol: {@code Describe...Job}). */
public final class SageMakerJobs {
    private final AwsJsonClient sageMaker;

    public SageMakerJobs(AwsClients clients) {
        this.sageMaker = new AwsJsonClient(clients, "sagemaker", "api.sagemaker", "SageMaker", "1.1");
    }

    public AwsJsonClient client() {
        return sageMaker;
    }

    /**
     * @param kind {@code processing} or {@code training}
     * @return the job's description, empty when SageMaker has no job of that name
     */
    public Optional<JsonNode> describe(String kind, String name) {
        String type = kind.equals("training") ? "Training" : "Processing";
        ObjectNode request = Json.records().createObjectNode().put(type + "JobName", name);
        try {
            return Optional.of(sageMaker.call("Describe" + type + "Job", request));
        } catch (AwsJsonException e) {
            // SageMaker answers an unknown job with a ValidationException ("Could not find ...", "... not found")
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (e.code().equals("ValidationException") && (message.contains("could not find")
                    || message.contains("not found"))) {
                return Optional.empty();
            }
            throw e;
        }
    }
}

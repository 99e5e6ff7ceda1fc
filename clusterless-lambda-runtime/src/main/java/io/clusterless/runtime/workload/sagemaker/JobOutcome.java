package io.clusterless.runtime.workload.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * What the result step makes of the job's description: {@code Completed} goes on to the manifests, a job still
 * running is waited for, any other end fails the lot with SageMaker's reason, and no job at all fails it with the
 * error that kept it from starting.
 */
final class JobOutcome {
    private JobOutcome() {
    }

    /**
     * @param described   the job's description, empty when SageMaker has none of that name
     * @param createError the caught error of the state machine's create step ({@code Error}, {@code Cause}), or a
     *                    missing node when it succeeded
     * @throws SageMakerJobRunningException while the job runs
     * @throws SageMakerJobFailedException  when it did not complete
     */
    static void require(String kind, String jobName, Optional<JsonNode> described, JsonNode createError) {
        String job = "SageMaker " + kind + " job " + jobName;
        if (described.isEmpty()) {
            String error = createError == null || createError.isMissingNode() || createError.isNull() ? null
                    : createError.path("Error").asText("") + ": " + createError.path("Cause").asText("");
            throw new SageMakerJobFailedException(job + " did not start" + (error == null ? "" : ": " + error));
        }
        JsonNode description = described.get();
        String status = description.path(kind.equals("training") ? "TrainingJobStatus" : "ProcessingJobStatus")
                .asText("");
        switch (status) {
            case "Completed" -> {
            }
            case "InProgress", "Stopping" -> throw new SageMakerJobRunningException(job + " is " + status);
            default -> throw new SageMakerJobFailedException(job + " " + (status.isEmpty() ? "has no status" : status)
                    + ": " + description.path("FailureReason").asText(description.path("ExitMessage")
                    .asText("SageMaker gave no reason")));
        }
    }
}

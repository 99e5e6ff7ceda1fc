package io.clusterless.runtime.workload.sagemaker;

/**
 * The job has not ended yet: the state machine retries the result step on this error's name, once a minute, up to
 * the job's own maximum runtime (a job the state machine did not wait for itself, because its start was refused as
 * a duplicate).
 */
public final class SageMakerJobRunningException extends RuntimeException {
    public SageMakerJobRunningException(String message) {
        super(message);
    }
}

package io.clusterless.runtime.workload.sagemaker;

/** The job ended without success, or never started; the message is what cls gaps shows for the lot. */
public final class SageMakerJobFailedException extends RuntimeException {
    public SageMakerJobFailedException(String message) {
        super(message);
    }
}

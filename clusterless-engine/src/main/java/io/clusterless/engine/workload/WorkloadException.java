package io.clusterless.engine.workload;

/**
 * A workload cannot finish its lot: the arc's state machine records the message as the workload error and the
 * complete gate marks the lot {@code missing} (re-runnable). Messages say what failed, where, and what to check.
 */
public class WorkloadException extends RuntimeException {
    public WorkloadException(String message) {
        super(message);
    }

    public WorkloadException(String message, Throwable cause) {
        super(message, cause);
    }
}

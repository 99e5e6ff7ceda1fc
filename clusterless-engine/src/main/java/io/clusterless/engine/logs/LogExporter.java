package io.clusterless.engine.logs;

import java.time.Instant;

/** Starts CloudWatch Logs export tasks. */
public interface LogExporter {
    /**
     * @return the export task id
     * @throws LimitExceededException when another export task is running (one per account at a time)
     */
    String createExportTask(String taskName, String logGroupName, String logStreamPrefix, Instant from, Instant to,
                            String bucket, String prefix);

    /** The service allows one running export task per account. */
    class LimitExceededException extends RuntimeException {
        public LimitExceededException(String message) {
            super(message);
        }
    }
}

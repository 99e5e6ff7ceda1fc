package io.clusterless.runtime.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.logs.LogExporter;
import io.clusterless.json.Json;

import java.time.Instant;

/** {@link LogExporter} on CloudWatch Logs ({@code CreateExportTask}, JSON protocol). */
public final class CloudWatchLogsExporter implements LogExporter {
    private static final String LIMIT_EXCEEDED = "LimitExceededException";

    private final AwsJsonClient logs;

    public CloudWatchLogsExporter(AwsClients clients) {
        this.logs = new AwsJsonClient(clients, "logs", "Logs_20140328", "1.1");
    }

    /**
     * @param logStreamPrefix null or empty for every stream
     * @param prefix          the destination key prefix; null or empty for the service default
     * @throws LimitExceededException while another export task of the account runs
     * @throws AwsJsonException       for any other error answer
     */
    @Override
    public String createExportTask(String taskName, String logGroupName, String logStreamPrefix, Instant from,
                                   Instant to, String bucket, String prefix) {
        ObjectNode request = Json.records().createObjectNode()
                .put("taskName", taskName)
                .put("logGroupName", logGroupName)
                .put("from", from.toEpochMilli())
                .put("to", to.toEpochMilli())
                .put("destination", bucket);
        if (logStreamPrefix != null && !logStreamPrefix.isEmpty()) {
            request.put("logStreamNamePrefix", logStreamPrefix);
        }
        if (prefix != null && !prefix.isEmpty()) {
            request.put("destinationPrefix", prefix);
        }
        try {
            return logs.call("CreateExportTask", request).path("taskId").asText();
        } catch (AwsJsonException e) {
            if (LIMIT_EXCEEDED.equals(e.code())) {
                throw new LimitExceededException("export task " + taskName + " of log group " + logGroupName
                        + " not started: " + e.getMessage());
            }
            throw e;
        }
    }
}

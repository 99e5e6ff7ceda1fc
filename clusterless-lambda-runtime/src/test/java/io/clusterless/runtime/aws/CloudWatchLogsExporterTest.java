package io.clusterless.runtime.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;
import io.clusterless.runtime.testing.MotoServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CloudWatch Logs adapter against moto_server (Logs and the S3 bucket the export writes to). */
class CloudWatchLogsExporterTest {
    private static final Instant FROM = Instant.parse("2023-02-06T23:45:00Z");
    private static final Instant TO = Instant.parse("2023-02-06T23:49:59.999Z");

    private MotoServer moto;
    private AwsJsonClient logs;

    @BeforeEach
    void logGroupAndBucket() {
        moto = MotoServer.get();
        moto.reset();
        logs = new AwsJsonClient(moto.clients(), "logs", "Logs_20140328", "1.1");
        logs.call("CreateLogGroup", json().put("logGroupName", "/app/web"));
        logs.call("CreateLogStream", json().put("logGroupName", "/app/web").put("logStreamName", "web-1"));
        ObjectNode put = json().put("logGroupName", "/app/web").put("logStreamName", "web-1");
        put.putArray("logEvents").addObject()
                .put("timestamp", Instant.parse("2023-02-06T23:47:00Z").toEpochMilli()).put("message", "GET /");
        logs.call("PutLogEvents", put);
        try (S3Client s3 = moto.clients().s3()) {
            s3.createBucket(b -> b.bucket("log-archive"));
        }
    }

    @Test
    void createExportTask_sendsTheWindowAndDestination() {
        String taskId = new CloudWatchLogsExporter(moto.clients())
                .createExportTask("export-20230206PT5M285", "/app/web", "web-", FROM, TO, "log-archive", "web/logs");

        JsonNode task = logs.call("DescribeExportTasks", json().put("taskId", taskId)).path("exportTasks").path(0);
        assertThat(task.path("taskName").asText()).isEqualTo("export-20230206PT5M285");
        assertThat(task.path("logGroupName").asText()).isEqualTo("/app/web");
        assertThat(task.path("from").asLong()).isEqualTo(FROM.toEpochMilli());
        assertThat(task.path("to").asLong()).isEqualTo(TO.toEpochMilli());
        assertThat(task.path("destination").asText()).isEqualTo("log-archive");
        assertThat(task.path("destinationPrefix").asText()).isEqualTo("web/logs");
        try (S3Client s3 = moto.clients().s3()) {
            assertThat(s3.listObjectsV2(b -> b.bucket("log-archive").prefix("web/logs/")).contents())
                    .as("moto writes the exported events of the window")
                    .isNotEmpty();
        }
    }

    @Test
    void missingLogGroup_surfacesTheServiceError() {
        assertThatThrownBy(() -> new CloudWatchLogsExporter(moto.clients())
                .createExportTask("export-x", "/app/absent", null, FROM, TO, "log-archive", null))
                .isInstanceOf(AwsJsonException.class)
                .satisfies(e -> assertThat(((AwsJsonException) e).code()).isEqualTo("ResourceNotFoundException"));
    }

    private static ObjectNode json() {
        return Json.records().createObjectNode();
    }
}

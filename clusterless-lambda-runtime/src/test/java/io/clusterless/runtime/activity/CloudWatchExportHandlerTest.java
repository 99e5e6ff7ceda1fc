package io.clusterless.runtime.activity;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.runtime.aws.AwsJsonClient;
import io.clusterless.runtime.testing.MotoServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lambda entry point: an EventBridge scheduled event in, an export task in moto_server's CloudWatch Logs out. */
class CloudWatchExportHandlerTest {
    @Test
    void scheduledEvent_startsTheExportOfThePreviousInterval() throws Exception {
        MotoServer moto = MotoServer.get();
        moto.reset();
        AwsJsonClient logs = new AwsJsonClient(moto.clients(), "logs", "Logs_20140328", "1.1");
        logs.call("CreateLogGroup", Json.records().createObjectNode().put("logGroupName", "/app/api"));
        try (S3Client s3 = moto.clients().s3()) {
            s3.createBucket(b -> b.bucket("archive"));
        }
        String props = "{\"interval\": \"Fourths\", \"logGroupName\": \"/app/api\", \"pathURI\": \"s3://archive/api/\","
                + " \"timeoutMin\": 15}";
        CloudWatchExportHandler handler = new CloudWatchExportHandler(
                Map.of(CloudWatchExportHandler.PROPS_VARIABLE, props), moto.clients());
        String event = "{\"version\": \"0\", \"detail-type\": \"Scheduled Event\", \"source\": \"aws.events\","
                + " \"time\": \"2023-02-06T12:00:07Z\", \"detail\": {}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);

        JsonNode started = Json.records().readTree(out.toByteArray());
        assertThat(started.path("taskName").asText()).isEqualTo("export-20230206PT15M047");
        assertThat(started.path("from").asText()).isEqualTo("2023-02-06T11:45:00Z");
        assertThat(started.path("to").asText()).isEqualTo("2023-02-06T11:59:59.999Z");
        assertThat(started.path("attempts").asInt()).isEqualTo(1);
        JsonNode task = logs.call("DescribeExportTasks", Json.records().createObjectNode()
                .put("taskId", started.path("taskId").asText())).path("exportTasks").path(0);
        assertThat(task.path("taskName").asText()).isEqualTo("export-20230206PT15M047");
        assertThat(task.path("destinationPrefix").asText()).isEqualTo("api");
    }
}

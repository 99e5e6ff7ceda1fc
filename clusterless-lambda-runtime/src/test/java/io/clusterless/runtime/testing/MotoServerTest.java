package io.clusterless.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.runtime.aws.AwsJsonClient;
import io.clusterless.runtime.aws.AwsJsonException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AwsJsonClient speaks the JSON protocol to a real service emulator, and surfaces service error codes. */
class MotoServerTest {
    @Test
    void jsonProtocolCall_createsAndFindsAQueue() {
        MotoServer moto = MotoServer.get();
        AwsJsonClient sqs = new AwsJsonClient(moto.clients(), "sqs", "AmazonSQS", "1.0");

        JsonNode created = sqs.call("CreateQueue", Json.records().createObjectNode().put("QueueName", "probe"));
        JsonNode found = sqs.call("GetQueueUrl", Json.records().createObjectNode().put("QueueName", "probe"));

        assertThat(found.path("QueueUrl").asText()).isEqualTo(created.path("QueueUrl").asText()).endsWith("/probe");
    }

    @Test
    void serviceError_carriesTheErrorCode() {
        AwsJsonClient sqs = new AwsJsonClient(MotoServer.get().clients(), "sqs", "AmazonSQS", "1.0");

        assertThatThrownBy(() -> sqs.call("GetQueueUrl", Json.records().createObjectNode().put("QueueName", "absent")))
                .isInstanceOf(AwsJsonException.class)
                .satisfies(e -> assertThat(((AwsJsonException) e).code()).isEqualTo("QueueDoesNotExist"));
    }
}

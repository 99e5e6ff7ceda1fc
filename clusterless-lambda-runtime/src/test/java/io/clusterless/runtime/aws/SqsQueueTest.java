package io.clusterless.runtime.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.queue.QueueMessage;
import io.clusterless.json.Json;
import io.clusterless.runtime.testing.MotoServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumers are at-least-once: a message this consumer read may be received again before it deletes it (its
 * visibility timeout ended; another consumer or the dead-letter redrive took it), and the old receipt is then
 * refused. That message is its new holder's; the rest of the batch is still deleted or released, and the call does
 * not fail. moto accepts an older receipt while the message is still in the queue, so these tests let the redrive
 * take the message (maxReceiveCount 1): the refusal then comes every time.
 */
class SqsQueueTest {
    private AwsJsonClient sqs;
    private SqsQueue queue;
    private SqsQueue deadLetters;

    @BeforeEach
    void queueWithRedriveOnSecondReceive() {
        MotoServer moto = MotoServer.get();
        sqs = new AwsJsonClient(moto.clients(), "sqs", "AmazonSQS", "1.0");
        String name = "consumer-" + UUID.randomUUID().toString().substring(0, 8);
        String dlqUrl = sqs.call("CreateQueue", object().put("QueueName", name + "-dlq")).path("QueueUrl").asText();
        ObjectNode attributes = object().put("QueueUrl", dlqUrl);
        attributes.putArray("AttributeNames").add("QueueArn");
        String dlqArn = sqs.call("GetQueueAttributes", attributes).path("Attributes").path("QueueArn").asText();
        ObjectNode create = object().put("QueueName", name);
        create.putObject("Attributes").put("VisibilityTimeout", "300")
                .put("RedrivePolicy", "{\"deadLetterTargetArn\": \"" + dlqArn + "\", \"maxReceiveCount\": \"1\"}");
        sqs.call("CreateQueue", create);
        queue = new SqsQueue(moto.clients(), name);
        deadLetters = new SqsQueue(moto.clients(), name + "-dlq");
    }

    @Test
    void delete_ofAMessageReceivedAgainSince_leavesItToItsNewHolder_andDeletesTheRest() {
        List<QueueMessage> read = sendAndReceive(12);
        QueueMessage takenAway = read.get(0);
        receivedAgainElsewhere(takenAway);

        queue.delete(read);

        assertThat(depth(queue)).isZero();
        assertThat(deadLetters.receive(10, 0)).extracting(QueueMessage::id).containsExactly(takenAway.id());
    }

    @Test
    void release_ofAMessageReceivedAgainSince_skipsIt_andReleasesTheRest() {
        List<QueueMessage> read = sendAndReceive(12);
        QueueMessage takenAway = read.get(0);
        receivedAgainElsewhere(takenAway);

        queue.release(read);

        // released messages are visible again at once; the redrive takes each of them on this receive, as it took
        // the first: all twelve end up in the dead-letter queue, none stays hidden in the source
        assertThat(queue.receive(10, 0)).isEmpty();
        assertThat(depth(queue)).isZero();
        assertThat(depth(deadLetters)).isEqualTo(12);
    }

    /** Sends {@code count} messages and receives every one of them once. */
    private List<QueueMessage> sendAndReceive(int count) {
        for (int i = 0; i < count; i++) {
            queue.send("{\"n\": " + i + "}");
        }
        List<QueueMessage> read = new ArrayList<>();
        for (int receives = 0; read.size() < count && receives < 10 * count; receives++) {
            read.addAll(queue.receive(10, 0));
        }
        assertThat(read).hasSize(count);
        return read;
    }

    /** Another consumer's receive after the message became visible again: the redrive moves it away. */
    private void receivedAgainElsewhere(QueueMessage message) {
        sqs.call("ChangeMessageVisibility", object().put("QueueUrl", queue.queueUrl())
                .put("ReceiptHandle", message.receiptHandle()).put("VisibilityTimeout", 0));
        assertThat(queue.receive(10, 0)).isEmpty();
        assertThat(depth(deadLetters)).isEqualTo(1);
    }

    /** Messages in a queue, visible or not. */
    private int depth(SqsQueue of) {
        ObjectNode request = object().put("QueueUrl", of.queueUrl());
        request.putArray("AttributeNames").add("ApproximateNumberOfMessages")
                .add("ApproximateNumberOfMessagesNotVisible");
        var attributes = sqs.call("GetQueueAttributes", request).path("Attributes");
        return attributes.path("ApproximateNumberOfMessages").asInt()
                + attributes.path("ApproximateNumberOfMessagesNotVisible").asInt();
    }

    private static ObjectNode object() {
        return Json.records().createObjectNode();
    }
}

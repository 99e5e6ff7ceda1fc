package io.clusterless.runtime.aws;

import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writes over plain HTTP (emulators, local endpoints) leave their pooled connection usable. When a server drops a
 * kept-alive connection after answering, the URL-connection client hands the dead connection to the next request,
 * which fails with "Error writing request body to server" and is retried; enough of those in a row exhaust the
 * SDK's attempts. Counting retries shows it without waiting for that: a healthy client needs none on loopback.
 */
class S3ConnectionReuseTest {
    private static final String BUCKET = "reuse";
    private static final int ROUNDS = 100;

    private static S3ProxyServer server;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket(BUCKET);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void emptySmallAndRefusedWrites_overPlainHttp_needNoSecondAttempt() {
        RetryCount retries = new RetryCount();
        try (S3Client s3 = server.s3()) {
            for (int i = 0; i < ROUNDS; i++) {
                String round = String.valueOf(i);
                // empty: the status scan's state markers; small: manifests; refused: a lost conditional write
                s3.putObject(b -> b.bucket(BUCKET).key("empty/" + round)
                        .overrideConfiguration(o -> o.addMetricPublisher(retries)), RequestBody.empty());
                s3.putObject(b -> b.bucket(BUCKET).key("small/" + round)
                        .overrideConfiguration(o -> o.addMetricPublisher(retries)), RequestBody.fromString("{}"));
                assertThatThrownBy(() -> s3.putObject(b -> b.bucket(BUCKET).key("small/" + round).ifNoneMatch("*")
                        .overrideConfiguration(o -> o.addMetricPublisher(retries)), RequestBody.fromString("{}")))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
            }
        }

        assertThat(retries.calls.get()).isEqualTo(3 * ROUNDS);
        assertThat(retries.retries.get()).isZero();
    }

    /** Adds up the SDK's own count of retried attempts per call. */
    private static final class RetryCount implements MetricPublisher {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();

        @Override
        public void publish(MetricCollection metrics) {
            calls.incrementAndGet();
            metrics.metricValues(CoreMetric.RETRY_COUNT).forEach(retries::addAndGet);
        }

        @Override
        public void close() {
        }
    }
}

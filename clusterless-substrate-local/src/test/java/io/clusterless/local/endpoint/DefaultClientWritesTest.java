package io.clusterless.local.endpoint;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A user's workload builds its S3 client with the SDK's defaults (aws-chunked bodies with a CRC32 trailer over plain
 * HTTP, Expect: 100-continue, pooled connections); every write through the endpoint must then succeed on its first
 * attempt. A connection the endpoint drops after answering shows up as a retried attempt on the next call.
 */
class DefaultClientWritesTest {
    private static final int ROUNDS = 150;

    @TempDir
    Path root;

    private LocalS3Endpoint endpoint;
    private Map<String, String> environment;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(root.resolve("buckets/bucket"));
        Files.createDirectories(root.resolve("buckets/other"));
        endpoint = LocalS3Endpoint.start(root.resolve("buckets"));
        environment = endpoint.environmentFor(new WorkloadGrant(List.of(),
                List.of(new WorkloadGrant.Scope("bucket", ""))));
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void emptySmallAndRefusedWrites_fromADefaultUrlConnectionClient_needNoSecondAttempt() {
        assertNoRetries(UrlConnectionHttpClient.create());
    }

    @Test
    void emptySmallAndRefusedWrites_fromADefaultApacheClient_needNoSecondAttempt() {
        assertNoRetries(ApacheHttpClient.create());
    }

    private void assertNoRetries(SdkHttpClient http) {
        AttemptCount attempts = new AttemptCount();
        try (S3Client s3 = userClient(http, attempts)) {
            for (int i = 0; i < ROUNDS; i++) {
                String round = String.valueOf(i);
                s3.putObject(b -> b.bucket("bucket").key("empty/" + round), RequestBody.empty());
                s3.putObject(b -> b.bucket("bucket").key("small/" + round), RequestBody.fromString("{\"n\":1}"));
                // a refused write answers before the body is wanted; the connection must survive that too
                assertThatThrownBy(() -> s3.putObject(b -> b.bucket("bucket").key("small/" + round).ifNoneMatch("*"),
                        RequestBody.fromString("{}")))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
                // outside the workload's grant: refused before the body is read
                assertThatThrownBy(() -> s3.putObject(b -> b.bucket("other").key("small/" + round),
                        RequestBody.fromString("{}")))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            }
        }
        assertThat(attempts.calls.get()).isEqualTo(4 * ROUNDS);
        assertThat(attempts.retries()).as("retried attempts in %d calls", 4 * ROUNDS).isZero();
    }

    /** As a user's code builds it: only endpoint, path-style, region and credentials from the workload's environment. */
    private S3Client userClient(SdkHttpClient http, AttemptCount attempts) {
        return S3Client.builder()
                .httpClient(http)
                .endpointOverride(URI.create(environment.get("AWS_ENDPOINT_URL_S3")))
                .forcePathStyle(true)
                .region(Region.of(environment.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        environment.get("AWS_ACCESS_KEY_ID"), environment.get("AWS_SECRET_ACCESS_KEY"))))
                .overrideConfiguration(o -> o.addExecutionInterceptor(attempts))
                .build();
    }

    /** Calls, and attempts beyond each call's first, as the SDK makes them. */
    private static final class AttemptCount implements ExecutionInterceptor {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();

        int retries() {
            return attempts.get() - calls.get();
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            calls.incrementAndGet();
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            attempts.incrementAndGet();
        }
    }
}

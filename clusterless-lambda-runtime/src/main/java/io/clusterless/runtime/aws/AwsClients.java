package io.clusterless.runtime.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Builds the SDK clients the handlers use: the URL-connection HTTP client (the fastest to start in Lambda),
 * standard retries with backoff, region and endpoints from {@link AwsSettings}.
 */
public final class AwsClients {
    private final AwsSettings settings;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;

    public AwsClients(AwsSettings settings, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.credentials = credentials;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
    }

    public static AwsClients fromEnvironment() {
        return new AwsClients(AwsSettings.fromEnvironment(), DefaultCredentialsProvider.builder().build());
    }

    public AwsSettings settings() {
        return settings;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public SdkHttpClient http() {
        return http;
    }

    /**
     * Builds the S3 client on another core and primes it (see {@link S3ObjectStore#prime}) while the caller reads
     * its props and builds the rest: the S3 client is most of a function's cold start. Call {@link #join} on it last.
     */
    public CompletableFuture<S3ObjectStore> s3StoreInBackground() {
        return CompletableFuture.supplyAsync(() -> new S3ObjectStore(s3()).prime());
    }

    /** Waits for a client built in the background, throwing its own failure rather than a CompletionException. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    public S3Client s3() {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClient(http)
                .forcePathStyle(settings.s3PathStyle())
                // plain HTTP (emulators, local endpoints) would otherwise sign bodies as aws-chunked streams; s3proxy
                // answers those and then drops the connection unannounced, and the pooled dead connection fails the
                // next request ("Error writing request body to server"). Our bodies are byte arrays, so signing
                // their hash is free; over HTTPS nothing changes (payloads go unsigned)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                // checksums only where S3 requires them: fewer classes at start, no trailers for emulators
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        // standard backoff with jitter; 6 attempts instead of 3 ride out a short S3 brown-out
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(6).build())
                        .addExecutionInterceptor(new NoExpectContinue())
                        .addExecutionInterceptor(new PrimingStop())
                        .build());
        settings.endpoint("s3").ifPresent(builder::endpointOverride);
        return builder.build();
    }
}

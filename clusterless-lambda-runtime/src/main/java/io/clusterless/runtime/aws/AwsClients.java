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

import java.time.Duration;

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

    public S3Client s3() {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClient(http)
                .forcePathStyle(settings.s3PathStyle())
                // checksums only where S3 requires them: fewer classes at start, no trailers for emulators
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        // standard backoff with jitter; 6 attempts ride out a burst of stale pooled connections
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(6).build())
                        .addExecutionInterceptor(new NoExpectContinue())
                        .build());
        settings.endpoint("s3").ifPresent(builder::endpointOverride);
        return builder.build();
    }
}

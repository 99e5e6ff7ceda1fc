package io.clusterless.runtime.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Region and endpoints for the AWS clients, from the environment: {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}),
 * {@code AWS_ENDPOINT_URL_<SERVICE>} then {@code AWS_ENDPOINT_URL} to point at an emulator (moto, LocalStack), and
 * {@code CLS_S3_PATH_STYLE} (default: true when an S3 endpoint is overridden).
 */
public record AwsSettings(String region, Map<String, String> environment) {
    public static final String DEFAULT_REGION = "us-east-1";

    public static AwsSettings fromEnvironment() {
        return of(System.getenv());
    }

    public static AwsSettings of(Map<String, String> environment) {
        String region = firstNonBlank(environment.get("AWS_REGION"), environment.get("AWS_DEFAULT_REGION"));
        return new AwsSettings(region == null ? DEFAULT_REGION : region, Map.copyOf(environment));
    }

    /** The endpoint override for a service id as the SDK names it ({@code s3}, {@code events}, {@code sqs}...). */
    public Optional<URI> endpoint(String service) {
        String specific = environment.get("AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT).replace('-', '_'));
        String value = firstNonBlank(specific, environment.get("AWS_ENDPOINT_URL"));
        return Optional.ofNullable(value).map(URI::create);
    }

    public boolean s3PathStyle() {
        String value = environment.get("CLS_S3_PATH_STYLE");
        return value == null ? endpoint("s3").isPresent() : Boolean.parseBoolean(value);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}

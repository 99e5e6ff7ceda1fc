package io.clusterless.substrate.aws.connection;

import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Optional;

/**
 * The AWS SDK's failures that have a simple remedy, as one line that says what to do: no credentials found,
 * an endpoint that cannot be reached. Everything else keeps the SDK's own message.
 */
public final class AwsFailures {
    private AwsFailures() {
    }

    /** @param endpoint the {@code --endpoint-url} given, or null for AWS's own endpoints */
    public static Optional<String> describe(Throwable failure, URI endpoint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SdkClientException && cause.getMessage() != null
                    && cause.getMessage().startsWith("Unable to load credentials")) {
                return Optional.of("no AWS credentials found: give --profile NAME or set AWS_PROFILE (after "
                        + "'aws sso login --profile NAME' for SSO), or set AWS_ACCESS_KEY_ID and "
                        + "AWS_SECRET_ACCESS_KEY");
            }
            if (cause instanceof SdkClientException && cause.getMessage() != null
                    && cause.getMessage().contains("Profile file contained no credentials for profile")) {
                return Optional.of("the AWS profile has no credentials: " + firstLine(cause.getMessage())
                        + "; check --profile or AWS_PROFILE against ~/.aws/config ('aws configure list-profiles')");
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof HttpConnectTimeoutException) {
                String reason = cause.getMessage() != null ? firstLine(cause.getMessage())
                        : cause.getClass().getSimpleName();
                return Optional.of(endpoint != null
                        ? "cannot reach --endpoint-url " + endpoint + " (" + reason + "); is the emulator running "
                        + "there?"
                        : "cannot reach AWS (" + reason + "); check the network, or give --endpoint-url URL for an "
                        + "emulator");
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}

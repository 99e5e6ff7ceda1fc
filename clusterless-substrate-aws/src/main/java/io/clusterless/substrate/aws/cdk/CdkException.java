package io.clusterless.substrate.aws.cdk;

/** The CDK CLI cannot be found, installed or run; the message says what to do. */
public final class CdkException extends RuntimeException {
    public CdkException(String message) {
        super(message);
    }
}

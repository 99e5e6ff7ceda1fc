package io.clusterless.runtime.aws;

/** An error answer of an AWS JSON-protocol service: its error code (e.g. {@code LimitExceededException}). */
public class AwsJsonException extends RuntimeException {
    private final String code;
    private final int status;

    public AwsJsonException(String code, int status, String message) {
        super(code + " (HTTP " + status + "): " + message);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}

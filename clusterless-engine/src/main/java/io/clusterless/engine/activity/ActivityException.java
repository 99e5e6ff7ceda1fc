package io.clusterless.engine.activity;

/** A scheduled activity could not do its work this time; the message says what and why. */
public class ActivityException extends RuntimeException {
    public ActivityException(String message) {
        super(message);
    }

    public ActivityException(String message, Throwable cause) {
        super(message, cause);
    }
}

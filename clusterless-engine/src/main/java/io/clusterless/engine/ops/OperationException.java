package io.clusterless.engine.ops;

/** A failure the user can act on: its message is one line that says what went wrong and what to do. */
public class OperationException extends RuntimeException {
    public OperationException(String message) {
        super(message);
    }
}

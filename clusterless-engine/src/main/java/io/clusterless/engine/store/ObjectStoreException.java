package io.clusterless.engine.store;

/** A store operation that failed after the adapter's own retries. */
public class ObjectStoreException extends RuntimeException {
    /** Why it failed, as far as callers need to tell. */
    public enum Kind {
        ACCESS_DENIED, NOT_FOUND, THROTTLED, UNAVAILABLE, OTHER
    }

    private final Kind kind;

    public ObjectStoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

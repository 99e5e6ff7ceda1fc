package io.clusterless.engine.arc;

/** A lot's arc state could not be moved because others kept moving it, or it is inconsistent beyond repair. */
public class ArcStateConflictException extends RuntimeException {
    public ArcStateConflictException(String message) {
        super(message);
    }
}

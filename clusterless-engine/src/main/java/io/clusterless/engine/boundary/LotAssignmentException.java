package io.clusterless.engine.boundary;

/**
 * No lot can be given to an object (its key does not match {@code keyRegex}, or it is gone before its time could be
 * read). Retrying cannot help, so boundaries record the object as unassigned and carry on instead of failing.
 */
public class LotAssignmentException extends RuntimeException {
    public LotAssignmentException(String message) {
        super(message);
    }

    public LotAssignmentException(String message, Throwable cause) {
        super(message, cause);
    }
}

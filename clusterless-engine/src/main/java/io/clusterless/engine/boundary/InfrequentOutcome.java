package io.clusterless.engine.boundary;

/**
 * What an infrequent boundary did with one S3 event; logged by the entry point and asserted by tests.
 *
 * @param kind     what happened
 * @param object   the object's {@code s3://} URI
 * @param lot      the object's lot id; null when none was given
 * @param manifest the lot's manifest identifier; null when no lot was given or the object was ignored
 * @param record   the late or unassigned record's key in the manifest bucket, otherwise null
 * @param detail   a sentence for the log
 */
public record InfrequentOutcome(Kind kind, String object, String lot, String manifest, String record, String detail) {
    public enum Kind {
        /** The object's lot has its manifest (written now, or by an earlier delivery of the same event); event published. */
        MANIFESTED,
        /** The lot already had a manifest for another object: recorded as a late arrival, not dropped. */
        LATE,
        /** Filtered out, in a lot that already has a manifest: nothing to add. */
        FILTERED_IN_CLAIMED_LOT,
        /** A folder marker (key ending with {@code /}). */
        FOLDER_MARKER,
        /** Not under the dataset's bucket and prefix. */
        OUTSIDE_DATASET,
        /** No lot could be given: recorded as unassigned. */
        UNASSIGNED
    }
}

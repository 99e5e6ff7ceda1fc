package io.clusterless.model.core.boundary.s3put;

/** How often objects arrive at an S3 put boundary. */
public enum EventArrival {
    /** At most one object per lot: each S3 event makes its lot's manifest. */
    infrequent,
    /** Objects accumulate in a queue; a manifest (possibly empty) is written at the end of every interval. */
    frequent,
    /** Reserved; not supported yet. */
    veryFrequent
}

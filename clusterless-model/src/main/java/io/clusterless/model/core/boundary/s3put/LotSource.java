package io.clusterless.model.core.boundary.s3put;

/** Where an infrequent boundary takes the time that assigns an object to a lot. */
public enum LotSource {
    objectModifiedTime, eventTime, keyTimestampRegex
}

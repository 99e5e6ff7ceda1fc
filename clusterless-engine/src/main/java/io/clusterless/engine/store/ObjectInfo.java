package io.clusterless.engine.store;

import java.time.Instant;

/** What a listing or HEAD tells about one object; {@code etag} is null only from {@link ObjectStore#listKeys}. */
public record ObjectInfo(String bucket, String key, long size, Instant lastModified, String etag) {
    /** {@code s3://bucket/key}. */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }
}

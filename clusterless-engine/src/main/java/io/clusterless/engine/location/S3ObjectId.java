package io.clusterless.engine.location;

import java.util.Objects;

/** One object: {@code s3://bucket/key}, the key kept verbatim. */
public record S3ObjectId(String bucket, String key) {
    private static final String SCHEME = "s3://";

    public S3ObjectId {
        Objects.requireNonNull(bucket, "bucket is required");
        Objects.requireNonNull(key, "key is required");
    }

    /** @throws IllegalArgumentException unless {@code uri} is {@code s3://bucket/key} */
    public static S3ObjectId parse(String uri) {
        if (uri == null || !uri.startsWith(SCHEME)) {
            throw new IllegalArgumentException("expected an s3://bucket/key object, found: " + uri);
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("expected an s3://bucket/key object, found: " + uri);
        }
        return new S3ObjectId(rest.substring(0, slash), rest.substring(slash + 1));
    }

    public String uri() {
        return SCHEME + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return uri();
    }
}

package io.clusterless.engine.location;

import java.util.Objects;

/**
 * A bucket and a key prefix read from an {@code s3://bucket/prefix/} dataset location. The prefix always names a
 * folder: it ends with {@code /}, or is empty for a whole bucket, so {@code ingress-old/x} is not under
 * {@code ingress}. Duplicate {@code /} are collapsed, as the model does.
 */
public record S3Location(String bucket, String prefix) {
    private static final String SCHEME = "s3://";

    public S3Location {
        Objects.requireNonNull(bucket, "bucket is required");
        Objects.requireNonNull(prefix, "prefix is required");
    }

    /** @throws IllegalArgumentException unless {@code uri} is {@code s3://bucket[/prefix]} */
    public static S3Location parse(String uri) {
        if (uri == null || !uri.startsWith(SCHEME) || uri.length() == SCHEME.length()) {
            throw new IllegalArgumentException("expected an s3://bucket/prefix/ location, found: " + uri);
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("no bucket in " + uri + ", expected s3://bucket/prefix/");
        }
        String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/{2,}", "/");
        if (prefix.startsWith("/")) {
            prefix = prefix.substring(1);
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        return new S3Location(bucket, prefix);
    }

    /** Whether the object lies strictly below this location. */
    public boolean contains(S3ObjectId object) {
        return bucket.equals(object.bucket()) && object.key().startsWith(prefix)
                && object.key().length() > prefix.length();
    }

    /** The object at {@code relativePath} below this location. */
    public S3ObjectId resolve(String relativePath) {
        return new S3ObjectId(bucket, prefix + relativePath);
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + prefix;
    }
}

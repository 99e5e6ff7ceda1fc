package io.clusterless.runtime.boundary;

import java.util.Objects;

/**
 * Where a dataset's objects live: a bucket and a key prefix, read from its {@code pathURI} ({@code s3://bucket/prefix/}).
 * The prefix is normalised as the model does (duplicate {@code /} collapsed) and always names a folder: it ends with
 * {@code /}, or is empty for a whole bucket, so {@code ingress-old/x} is not inside {@code ingress}.
 */
public record DatasetLocation(String bucket, String prefix) {
    public DatasetLocation {
        Objects.requireNonNull(bucket, "bucket is required");
        Objects.requireNonNull(prefix, "prefix is required");
    }

    /** @throws IllegalArgumentException unless {@code pathURI} is {@code s3://bucket[/prefix]} */
    public static DatasetLocation of(String pathURI) {
        if (pathURI == null || !pathURI.startsWith("s3://") || pathURI.length() == "s3://".length()) {
            throw new IllegalArgumentException("dataset pathURI must be s3://bucket/prefix/, found: " + pathURI);
        }
        String rest = pathURI.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("dataset pathURI has no bucket: " + pathURI + ", expected s3://bucket/prefix/");
        }
        String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/{2,}", "/");
        if (prefix.startsWith("/")) {
            prefix = prefix.substring(1);
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        return new DatasetLocation(bucket, prefix);
    }

    /** Whether {@code bucket}/{@code key} is one of the dataset's objects (or folder markers). */
    public boolean contains(String bucket, String key) {
        return this.bucket.equals(bucket) && key.startsWith(prefix) && key.length() > prefix.length();
    }

    /** {@code s3://bucket/key}. */
    public static String uri(String bucket, String key) {
        return "s3://" + bucket + "/" + key;
    }
}

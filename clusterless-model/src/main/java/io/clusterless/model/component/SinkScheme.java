package io.clusterless.model.component;

/** Where an arc's sink writes: objects under an S3 prefix, or partitions of a Glue table. */
public enum SinkScheme {
    /** {@code s3://bucket/prefix/} */
    S3("s3://"),
    /** {@code glue://[catalog]/database/table} */
    GLUE("glue://");

    private final String prefix;

    SinkScheme(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}

package io.clusterless.model.core.arc;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Arc;

/** {@code aws:core:s3CopyArc}: copies every object of a source lot to each sink, keeping relative paths. */
@JsonPropertyOrder({"type", "name", "exclude", "sources", "sinks", "workload"})
public class S3CopyArc extends Arc<S3CopyWorkload> {
    public static final String TYPE = "aws:core:s3CopyArc";

    @JsonPropertyDescription("Copy options and Lambda props.")
    private S3CopyWorkload workload = new S3CopyWorkload();

    @Override
    public S3CopyWorkload getWorkload() {
        return workload;
    }
}

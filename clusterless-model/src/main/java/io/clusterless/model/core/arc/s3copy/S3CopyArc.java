package io.clusterless.model.core.arc.s3copy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Arc;

/** {@code aws:core:s3CopyArc}: copies every object of a source lot to each sink, keeping relative paths. */
@JsonPropertyOrder({"type", "name", "exclude", "sources", "sinks", "workload"})
public class S3CopyArc extends Arc<S3CopySettings> {
    public static final String TYPE = "aws:core:s3CopyArc";

    @JsonPropertyDescription("Copy options and Lambda props.")
    private S3CopySettings workload = new S3CopySettings();

    @Override
    public S3CopySettings getWorkload() {
        return workload;
    }
}

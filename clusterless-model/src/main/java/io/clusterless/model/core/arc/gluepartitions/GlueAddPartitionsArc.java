package io.clusterless.model.core.arc.gluepartitions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Arc;

/** {@code aws:core:glueAddPartitionsArc}: registers the partitions of a source lot in a Glue table. */
@JsonPropertyOrder({"type", "name", "exclude", "sources", "sinks", "workload"})
public class GlueAddPartitionsArc extends Arc<GlueAddPartitionsSettings> {
    public static final String TYPE = "aws:core:glueAddPartitionsArc";

    @JsonPropertyDescription("Partition options and Lambda props.")
    private GlueAddPartitionsSettings workload = new GlueAddPartitionsSettings();

    @Override
    public GlueAddPartitionsSettings getWorkload() {
        return workload;
    }
}

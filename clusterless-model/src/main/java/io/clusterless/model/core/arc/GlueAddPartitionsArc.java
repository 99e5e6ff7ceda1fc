package io.clusterless.model.core.arc;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Arc;

/** {@code aws:core:glueAddPartitionsArc}: registers the partitions of a source lot in a Glue table. */
@JsonPropertyOrder({"type", "name", "exclude", "sources", "sinks", "workload"})
public class GlueAddPartitionsArc extends Arc<GlueAddPartitionsWorkload> {
    public static final String TYPE = "aws:core:glueAddPartitionsArc";

    @JsonPropertyDescription("Partition options and Lambda props.")
    private GlueAddPartitionsWorkload workload = new GlueAddPartitionsWorkload();

    @Override
    public GlueAddPartitionsWorkload getWorkload() {
        return workload;
    }
}

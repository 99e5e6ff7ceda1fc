package io.clusterless.model.core.arc.gluepartitions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Options of a glueAddPartitionsArc. */
@JsonPropertyOrder({"partitionType", "namedPartitionDelimiter", "partitionResults"})
public class GlueAddPartitionsProps {
    /** How a path segment becomes a partition value. */
    public enum PartitionType {
        /** {@code key=value}: the value is the text after the delimiter. */
        named,
        /** The whole segment is the value. */
        value
    }

    /** Which partitions the sink manifest lists. */
    public enum PartitionResults {
        added, all, none
    }

    @JsonPropertyDescription("named (key=value segments) or value (segment used as is).")
    private PartitionType partitionType = PartitionType.named;
    @JsonPropertyDescription("Delimiter between key and value of named segments.")
    private String namedPartitionDelimiter = "=";
    @JsonPropertyDescription("added (only new partitions), all, or none (just the table).")
    private PartitionResults partitionResults = PartitionResults.added;

    public PartitionType getPartitionType() {
        return partitionType;
    }

    public String getNamedPartitionDelimiter() {
        return namedPartitionDelimiter;
    }

    public PartitionResults getPartitionResults() {
        return partitionResults;
    }
}

package io.clusterless.model.core.arc.athena;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Arc;

/**
 * {@code aws:core:athenaQueryArc}: one SQL SELECT per lot over the Glue tables of its sources, its result written
 * under {@code <sink pathURI>lot=<LOT>/} by Athena's UNLOAD on AWS and by DuckDB locally.
 */
@JsonPropertyOrder({"type", "name", "exclude", "sources", "sinks", "workload"})
public class AthenaQueryArc extends Arc<AthenaQuerySettings> {
    public static final String TYPE = "aws:core:athenaQueryArc";

    @JsonProperty(required = true)
    @JsonPropertyDescription("The SELECT (query or queryPath), output format, compression and partition columns.")
    private AthenaQuerySettings workload = new AthenaQuerySettings();

    @Override
    public AthenaQuerySettings getWorkload() {
        return workload;
    }
}

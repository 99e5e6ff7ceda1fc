package io.clusterless.model.core.arc.gluejob;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Arc;

/**
 * {@code aws:core:glueJobArc}: a Glue job (a Python script, Spark or Python shell) run once per lot, its output
 * written under {@code <sink pathURI>lot=<LOT>/} and listed into the sink manifest by cls.
 */
@JsonPropertyOrder({"type", "name", "exclude", "sources", "sinks", "workload"})
public class GlueJobArc extends Arc<GlueJobSettings> {
    public static final String TYPE = "aws:core:glueJobArc";

    @JsonProperty(required = true)
    @JsonPropertyDescription("The job's script, type, Glue version, workers, arguments and timeout.")
    private GlueJobSettings workload = new GlueJobSettings();

    @Override
    public GlueJobSettings getWorkload() {
        return workload;
    }
}

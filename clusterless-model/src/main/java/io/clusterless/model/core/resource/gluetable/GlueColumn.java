package io.clusterless.model.core.resource.gluetable;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A Glue column or partition key. */
@JsonPropertyOrder({"name", "type", "comment"})
public class GlueColumn {
    @JsonProperty(required = true)
    @JsonPropertyDescription("Column name.")
    private String name;
    @JsonProperty(required = true)
    @JsonPropertyDescription("Hive type, e.g. string, bigint, timestamp.")
    private String type;
    @JsonPropertyDescription("Column comment.")
    private String comment;

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public String getComment() {
        return comment;
    }
}

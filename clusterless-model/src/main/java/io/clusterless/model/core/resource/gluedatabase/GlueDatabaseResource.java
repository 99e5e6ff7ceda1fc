package io.clusterless.model.core.resource.gluedatabase;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Resource;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code aws:core:glueDatabase}: a Glue Data Catalog database. */
@JsonPropertyOrder({"type", "name", "exclude", "databaseName", "removeOnDestroy", "tags"})
public class GlueDatabaseResource extends Resource {
    public static final String TYPE = "aws:core:glueDatabase";

    @JsonProperty(required = true)
    @JsonPropertyDescription("Database name, unique in the region's catalog.")
    private String databaseName;
    @JsonPropertyDescription("false: the database is retained when the stack is destroyed.")
    private boolean removeOnDestroy = false;
    @JsonPropertyDescription("Tags applied to the database.")
    private Map<String, String> tags = new LinkedHashMap<>();

    public String getDatabaseName() {
        return databaseName;
    }

    public boolean isRemoveOnDestroy() {
        return removeOnDestroy;
    }

    public Map<String, String> getTags() {
        return tags;
    }
}

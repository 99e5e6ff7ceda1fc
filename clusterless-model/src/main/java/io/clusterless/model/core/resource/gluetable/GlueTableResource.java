package io.clusterless.model.core.resource.gluetable;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Resource;
import io.clusterless.model.core.resource.gluedatabase.GlueDatabaseResource;
import io.clusterless.model.reference.ReferenceResolver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code aws:core:glueTable}: a Glue table over an S3 prefix. */
@JsonPropertyOrder({"type", "name", "exclude", "databaseRef", "tableName", "description", "pathURI", "schema",
        "removeOnDestroy", "tags"})
public class GlueTableResource extends Resource {
    public static final String TYPE = "aws:core:glueTable";

    @JsonProperty(required = true)
    @JsonPropertyDescription("The database: a glueDatabase component name, a ref:... export or an arn:.")
    private String databaseRef;
    @JsonProperty(required = true)
    @JsonPropertyDescription("Table name.")
    private String tableName;
    @JsonPropertyDescription("Table description.")
    private String description;
    @JsonProperty(required = true)
    @JsonPropertyDescription("Table location, s3://bucket/prefix/.")
    private String pathURI;
    @JsonPropertyDescription("Columns, partition keys and data format.")
    private GlueTableSchema schema = new GlueTableSchema();
    @JsonPropertyDescription("false: the table is retained when the stack is destroyed.")
    private boolean removeOnDestroy = false;
    @JsonPropertyDescription("Tags applied to the table.")
    private Map<String, String> tags = new LinkedHashMap<>();

    /**
     * The name of the Glue database {@code databaseRef} names among the project's components; empty when it names
     * none (an export or ARN is resolved by the stack, not here).
     */
    public Optional<String> databaseName(ReferenceResolver references) {
        return references.component(databaseRef, GlueDatabaseResource.TYPE, GlueDatabaseResource.class)
                .map(GlueDatabaseResource::getDatabaseName);
    }

    public String getDatabaseRef() {
        return databaseRef;
    }

    public String getTableName() {
        return tableName;
    }

    public String getDescription() {
        return description;
    }

    public String getPathURI() {
        return pathURI;
    }

    public GlueTableSchema getSchema() {
        return schema;
    }

    public boolean isRemoveOnDestroy() {
        return removeOnDestroy;
    }

    public Map<String, String> getTags() {
        return tags;
    }
}

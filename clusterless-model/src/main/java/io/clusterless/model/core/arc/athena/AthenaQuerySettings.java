package io.clusterless.model.core.arc.athena;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Architecture;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.model.WorkloadSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** WorkloadSettings of an athenaQueryArc: the statement and how its result is written. */
@JsonPropertyOrder({"query", "queryPath", "format", "compression", "fieldDelimiter", "partitionBy", "workGroup",
        "queryResultsURI", "runtimeProps"})
public class AthenaQuerySettings implements WorkloadSettings {
    @JsonPropertyDescription("One SELECT (or WITH … SELECT). Placeholders: ${lot}, ${lotStart}, ${lotEnd} (ISO-8601 "
            + "UTC), ${source.ROLE.table} (\"db\".\"table\"), ${source.ROLE.lotPredicate} (selects the lot's "
            + "partitions). Give query or queryPath.")
    private String query;
    @JsonPropertyDescription("A .sql file beside the project file holding the SELECT, instead of query.")
    private String queryPath;
    @JsonPropertyDescription("PARQUET (default), ORC (AWS only), JSON or TEXTFILE.")
    private AthenaFormat format = AthenaFormat.PARQUET;
    @JsonPropertyDescription("PARQUET: SNAPPY (default), GZIP, ZSTD, NONE; ORC: ZLIB (default), SNAPPY, ZSTD, NONE; "
            + "JSON and TEXTFILE: NONE (default), GZIP, ZSTD.")
    private String compression;
    @JsonPropertyDescription("TEXTFILE only: the field delimiter, one character (default ',').")
    private String fieldDelimiter = ",";
    @JsonPropertyDescription("Result columns written as col=value/ folders below lot=<LOT>/; they must be the last "
            + "columns of the SELECT, in this order.")
    private List<String> partitionBy = new ArrayList<>();
    @JsonPropertyDescription("Athena work group the statement runs in.")
    private String workGroup = "primary";
    @JsonPropertyDescription("Where Athena keeps query metadata, s3://bucket/prefix/; default under the placement's "
            + "manifest bucket.")
    private String queryResultsURI;
    @JsonPropertyDescription("Lambda props of the function that prepares each lot's statement and lists its result.")
    private LambdaRuntimeProps runtimeProps = new LambdaRuntimeProps(512, 2, 5, Architecture.ARM_64);

    public String getQuery() {
        return query;
    }

    public String getQueryPath() {
        return queryPath;
    }

    public AthenaFormat getFormat() {
        return format;
    }

    public String getCompression() {
        return compression;
    }

    /** {@link #getCompression()} upper-cased, or the format's default when not set. */
    public String compressionOrDefault() {
        AthenaFormat effective = format == null ? AthenaFormat.PARQUET : format;
        return compression == null || compression.isBlank() ? effective.defaultCompression()
                : compression.trim().toUpperCase(Locale.ROOT);
    }

    public String getFieldDelimiter() {
        return fieldDelimiter;
    }

    public List<String> getPartitionBy() {
        return partitionBy;
    }

    public String getWorkGroup() {
        return workGroup;
    }

    public String getQueryResultsURI() {
        return queryResultsURI;
    }

    public LambdaRuntimeProps getRuntimeProps() {
        return runtimeProps;
    }
}

package io.clusterless.model.core.resource.gluetable;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;

/** Columns, partition keys and data format of a Glue table. */
@JsonPropertyOrder({"columns", "partitions", "dataFormat"})
public class GlueTableSchema {
    @JsonPropertyDescription("Data columns.")
    private List<GlueColumn> columns = new ArrayList<>();
    @JsonPropertyDescription("Partition keys, in path order.")
    private List<GlueColumn> partitions = new ArrayList<>();
    @JsonPropertyDescription("parquet, orc, json, csv, tsv, cloudtrail_logs or apache_logs.")
    private GlueDataFormat dataFormat;

    public List<GlueColumn> getColumns() {
        return columns;
    }

    public List<GlueColumn> getPartitions() {
        return partitions;
    }

    public GlueDataFormat getDataFormat() {
        return dataFormat;
    }
}

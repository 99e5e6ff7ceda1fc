package io.clusterless.model.core.resource.gluetable;

/** Storage formats a Glue table may declare. */
public enum GlueDataFormat {
    parquet, orc, json, csv, tsv, cloudtrail_logs, apache_logs
}

package io.clusterless.cli.output;

/** How reports are printed. */
public enum OutputFormat {
    table, json, csv, tsv
}

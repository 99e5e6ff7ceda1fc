package io.clusterless.model.core.arc.athena;

import io.clusterless.model.core.resource.gluetable.GlueColumn;

import java.util.List;

/**
 * The Glue table an athenaQueryArc source role reads, as the project declares it.
 *
 * @param catalogId  the catalog (account) of a cross-account table, else null
 * @param location   the table's {@code s3://bucket/prefix/}
 * @param partitions partition keys in path order
 */
public record SourceTable(String catalogId, String database, String table, String location, List<Column> columns,
                          List<Column> partitions, String dataFormat) {
    /** A column or partition key: its name and Hive type. */
    public record Column(String name, String type) {
        static List<Column> of(List<GlueColumn> columns) {
            return columns.stream().map(column -> new Column(column.getName(), column.getType())).toList();
        }
    }

    public SourceTable {
        columns = List.copyOf(columns);
        partitions = List.copyOf(partitions);
    }

    /** {@code "db"."table"}, as {@code ${source.ROLE.table}} expands. */
    public String quotedName() {
        return quote(database) + "." + quote(table);
    }

    /** An SQL identifier in double quotes, quotes inside doubled; the same in Athena and DuckDB. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

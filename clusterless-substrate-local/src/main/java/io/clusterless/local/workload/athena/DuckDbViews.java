package io.clusterless.local.workload.athena;

import io.clusterless.model.core.arc.athena.SourceTable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local stand-in for a Glue table: a DuckDB view {@code "db"."table"} over the table's files in the local root,
 * one branch per partition the local catalog lists (its values as constant columns), each file read with the table's
 * data format and column types. What Athena would not see is not seen here either: files of partitions not in the
 * catalog, and files whose names start with {@code _} or {@code .}.
 *
 * <p>When every partition sits in its Hive folder below the table ({@code <location>k1=v1/k2=v2/}, the layout Glue
 * crawlers and glueAddPartitionsArc's usual sources use), the view is one reader over every listed file with Hive
 * partitioning: DuckDB binds one reader and prunes files by the partition values in the query's predicate, so a
 * lot's query does not grow with the partitions registered before it (bench/sql-arc.sh). Other layouts get one
 * {@code UNION ALL} branch per partition, each with its values as constants.
 */
final class DuckDbViews {
    /** Partition values DuckDB reads back from a folder name exactly as written (no URL escaping involved). */
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_.:+-]+");
    /** A partition of the table as the catalog lists it: values in key order and its {@code s3://} location. */
    record Partition(List<String> values, String location) {
    }

    private DuckDbViews() {
    }

    /**
     * @param folder the local folder of an {@code s3://} location
     */
    static void create(Connection connection, SourceTable table, List<Partition> partitions,
                       Function<String, Path> folder) throws SQLException {
        createSchema(connection, table);
        replace(connection, table, viewSql(table, partitions, folder));
    }

    /** The table's schema, once per database. */
    static void createSchema(Connection connection, SourceTable table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SourceTable.quote(table.database()));
        }
    }

    /** Replaces the table's view with {@code viewSql} (from {@link #viewSql}) in a database that has its schema. */
    static void replace(Connection connection, SourceTable table, String viewSql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE VIEW " + table.quotedName() + " AS " + viewSql);
        }
    }

    static String viewSql(SourceTable table, List<Partition> partitions, Function<String, Path> folder) {
        return viewSql(table, partitions, folder, PartitionFiles.listing());
    }

    /** The view's SELECT; each partition's folder is listed once, by {@code files}. */
    static String viewSql(SourceTable table, List<Partition> partitions, Function<String, Path> folder,
                          PartitionFiles files) {
        if (table.partitions().isEmpty()) {
            List<Path> all = files.files(folder.apply(table.location()));
            return all.isEmpty() ? none(table) : read(table, all, List.of());
        }
        List<List<Path>> listed = new ArrayList<>();
        for (Partition partition : partitions) {
            listed.add(files.files(folder.apply(partition.location())));
        }
        if (inHiveFolders(table, partitions, folder, listed)) {
            return hiveRead(table, listed);
        }
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < partitions.size(); i++) {
            if (!listed.get(i).isEmpty()) {
                branches.add(read(table, listed.get(i), partitions.get(i).values()));
            }
        }
        return branches.isEmpty() ? none(table) : String.join("\nUNION ALL ", branches);
    }

    /**
     * Whether DuckDB's Hive partitioning reads exactly the catalog's values from the files' paths: every partition's
     * location is {@code <table location>k1=v1/…/}, values are plain (no escaping), and no other folder on the way,
     * the table's own included, carries a {@code =} that DuckDB would read as one more partition column.
     */
    static boolean inHiveFolders(SourceTable table, List<Partition> partitions, Function<String, Path> folder) {
        PartitionFiles files = PartitionFiles.listing();
        return inHiveFolders(table, partitions, folder, partitions.stream()
                .map(partition -> files.files(folder.apply(partition.location()))).toList());
    }

    /** @param listed each partition's files, in the order of {@code partitions} */
    private static boolean inHiveFolders(SourceTable table, List<Partition> partitions, Function<String, Path> folder,
                                         List<List<Path>> listed) {
        String base = table.location().endsWith("/") ? table.location() : table.location() + "/";
        for (Path part : folder.apply(base)) {
            if (part.toString().contains("=")) {
                return false;
            }
        }
        for (int p = 0; p < partitions.size(); p++) {
            Partition partition = partitions.get(p);
            if (partition.values().size() != table.partitions().size()) {
                return false;
            }
            StringBuilder expected = new StringBuilder(base);
            for (int i = 0; i < partition.values().size(); i++) {
                String value = partition.values().get(i);
                if (!PLAIN_VALUE.matcher(value).matches()) {
                    return false;
                }
                expected.append(table.partitions().get(i).name()).append('=').append(value).append('/');
            }
            String location = partition.location().endsWith("/") ? partition.location() : partition.location() + "/";
            if (!location.equals(expected.toString())) {
                return false;
            }
            Path partitionFolder = folder.apply(location);
            for (Path file : listed.get(p)) {
                for (Path part : partitionFolder.relativize(file)) {
                    if (part.toString().contains("=")) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** One reader over the listed partitions' files; the partition columns come from the folders, typed. */
    private static String hiveRead(SourceTable table, List<List<Path>> listed) {
        List<Path> files = new ArrayList<>();
        listed.forEach(files::addAll);
        if (files.isEmpty()) {
            return none(table);
        }
        List<String> select = new ArrayList<>();
        for (SourceTable.Column column : table.columns()) {
            select.add("CAST(" + SourceTable.quote(column.name()) + " AS " + DuckDbTypes.of(column.type()) + ") AS "
                    + SourceTable.quote(column.name()));
        }
        List<String> types = new ArrayList<>();
        for (SourceTable.Column key : table.partitions()) {
            select.add(SourceTable.quote(key.name()));
            types.add(literal(key.name()) + ": " + literal(DuckDbTypes.of(key.type())));
        }
        String hive = "hive_partitioning = true, hive_types = {" + String.join(", ", types)
                + "}, hive_types_autocast = false";
        return "SELECT " + String.join(", ", select) + " FROM " + reader(table, files, hive);
    }

    /** One partition's files, typed, with the partition's values as constant columns. */
    private static String read(SourceTable table, List<Path> files, List<String> values) {
        List<String> select = new ArrayList<>();
        for (SourceTable.Column column : table.columns()) {
            select.add("CAST(" + SourceTable.quote(column.name()) + " AS " + DuckDbTypes.of(column.type()) + ") AS "
                    + SourceTable.quote(column.name()));
        }
        for (int i = 0; i < values.size(); i++) {
            SourceTable.Column key = table.partitions().get(i);
            select.add("CAST(" + literal(values.get(i)) + " AS " + DuckDbTypes.of(key.type()) + ") AS "
                    + SourceTable.quote(key.name()));
        }
        return "SELECT " + String.join(", ", select) + " FROM " + reader(table, files, "hive_partitioning = false");
    }

    private static String reader(SourceTable table, List<Path> files, String partitioning) {
        String list = "[" + String.join(", ", files.stream().map(file -> literal(file.toString())).toList()) + "], "
                + partitioning;
        String format = table.dataFormat() == null ? "csv" : table.dataFormat();
        return switch (format) {
            case "parquet" -> "read_parquet(" + list + ")";
            case "json" -> "read_json(" + list + ", format = 'newline_delimited', columns = " + columns(table) + ")";
            // Glue's LazySimpleSerDe tables: no header line, ',' or tab between fields
            case "csv", "tsv" -> "read_csv(" + list + ", header = false, auto_detect = false, delim = "
                    + literal("csv".equals(format) ? "," : "\t") + ", columns = " + columns(table) + ")";
            default -> throw new IllegalArgumentException("table " + table.quotedName() + " has dataFormat "
                    + format + ", which the local run (DuckDB) cannot read; locally use parquet, json, csv or tsv");
        };
    }

    private static String columns(SourceTable table) {
        List<String> entries = new ArrayList<>();
        for (SourceTable.Column column : table.columns()) {
            entries.add(literal(column.name()) + ": " + literal(DuckDbTypes.of(column.type())));
        }
        return "{" + String.join(", ", entries) + "}";
    }

    /** No files yet: the table's columns and no row, so the query still plans. */
    private static String none(SourceTable table) {
        List<String> select = new ArrayList<>();
        Stream.concat(table.columns().stream(), table.partitions().stream()).forEach(column -> select.add("CAST(NULL AS "
                + DuckDbTypes.of(column.type()) + ") AS " + SourceTable.quote(column.name())));
        return "SELECT " + String.join(", ", select) + " WHERE FALSE";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}

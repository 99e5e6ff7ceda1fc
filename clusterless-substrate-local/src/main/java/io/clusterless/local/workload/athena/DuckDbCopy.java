package io.clusterless.local.workload.athena;

import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.engine.workload.athena.AthenaQueryProps;
import io.clusterless.model.core.arc.athena.AthenaFormat;
import io.clusterless.model.core.arc.athena.SourceTable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The local counterpart of Athena's UNLOAD: {@code COPY (<select>) TO '<folder>' (…)} with DuckDB's Parquet, JSON and
 * CSV writers, partitioned into {@code col=value/} folders as UNLOAD does. What UNLOAD would refuse is refused here
 * too, with the reason, so a query that runs locally also runs on AWS: partition columns must be the SELECT's last
 * columns, in partitionBy order.
 */
final class DuckDbCopy {
    private DuckDbCopy() {
    }

    /** The COPY statement writing {@code select} into {@code folder} (a file in it when not partitioned). */
    static String statement(String select, Path folder, AthenaQueryProps props) {
        List<String> options = new ArrayList<>();
        String extension;
        switch (props.format()) {
            case PARQUET -> {
                options.add("FORMAT PARQUET");
                options.add("COMPRESSION " + ("NONE".equals(props.compression()) ? "UNCOMPRESSED"
                        : props.compression()));
                extension = "parquet";
            }
            case JSON -> {
                options.add("FORMAT JSON");
                options.add("COMPRESSION " + props.compression().toLowerCase(Locale.ROOT));
                extension = "json";
            }
            case TEXTFILE -> {
                options.add("FORMAT CSV");
                options.add("HEADER false");
                options.add("DELIMITER " + DuckDbViews.literal(props.fieldDelimiter()));
                options.add("COMPRESSION " + props.compression().toLowerCase(Locale.ROOT));
                extension = "csv";
            }
            default -> throw new WorkloadException("format " + props.format() + " cannot be written locally: DuckDB "
                    + "has no ORC writer; use PARQUET (or run this arc on AWS)");
        }
        if (!"NONE".equals(props.compression()) && props.format() != AthenaFormat.PARQUET) {
            extension += props.compression().equals("GZIP") ? ".gz" : ".zst";
        }
        String target;
        if (props.partitionBy().isEmpty()) {
            target = folder.resolve("part-0." + extension).toString();
        } else {
            options.add("PARTITION_BY (" + String.join(", ", props.partitionBy().stream().map(SourceTable::quote)
                    .toList()) + ")");
            options.add("FILENAME_PATTERN 'part-{i}'");
            options.add("FILE_EXTENSION " + DuckDbViews.literal(extension));
            target = folder.toString();
        }
        // the ')' on a line of its own: a query ending in a -- comment must not comment it out
        return "COPY (" + select + "\n)\nTO " + DuckDbViews.literal(target) + " (" + String.join(", ", options) + ")";
    }

    /**
     * Checks the result's columns as UNLOAD would: every partitionBy column present, and they are the last ones, in
     * order. DuckDB would write either way; Athena would fail the lot.
     */
    static void checkColumns(Connection connection, String select, AthenaQueryProps props) throws SQLException {
        if (props.partitionBy().isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet described = statement.executeQuery("DESCRIBE " + select)) {
            while (described.next()) {
                columns.add(described.getString(1));
            }
        }
        List<String> partitionBy = props.partitionBy();
        for (String column : partitionBy) {
            if (columns.stream().noneMatch(column::equalsIgnoreCase)) {
                throw new WorkloadException("partitionBy column " + column + " is not a column of the query's result "
                        + columns + "; select it (last) or remove it from partitionBy");
            }
        }
        List<String> last = columns.subList(Math.max(0, columns.size() - partitionBy.size()), columns.size());
        boolean inOrder = true;
        for (int i = 0; i < partitionBy.size(); i++) {
            inOrder &= i < last.size() && last.get(i).equalsIgnoreCase(partitionBy.get(i));
        }
        if (!inOrder) {
            throw new WorkloadException("Athena's UNLOAD needs the partitionBy columns " + partitionBy + " as the last "
                    + "columns of the SELECT, in that order; the query returns " + columns + ": move them to the end");
        }
    }
}

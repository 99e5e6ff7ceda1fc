package io.clusterless.local.workload.athena;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Glue (Hive) column types as DuckDB types, for the views that stand in for Glue tables. */
final class DuckDbTypes {
    private static final Pattern DECIMAL = Pattern.compile("decimal\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

    private DuckDbTypes() {
    }

    /** @throws IllegalArgumentException for types the local run cannot read (arrays, maps, structs…) */
    static String of(String hiveType) {
        String type = hiveType == null ? "string" : hiveType.trim().toLowerCase(Locale.ROOT);
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            return "DECIMAL(" + decimal.group(1) + "," + decimal.group(2) + ")";
        }
        if (type.startsWith("varchar") || type.startsWith("char")) {
            return "VARCHAR";
        }
        return switch (type) {
            case "string" -> "VARCHAR";
            case "tinyint" -> "TINYINT";
            case "smallint" -> "SMALLINT";
            case "int", "integer" -> "INTEGER";
            case "bigint" -> "BIGINT";
            case "float" -> "FLOAT";
            case "double" -> "DOUBLE";
            case "decimal" -> "DECIMAL(10,0)";
            case "boolean" -> "BOOLEAN";
            case "timestamp" -> "TIMESTAMP";
            case "date" -> "DATE";
            case "binary" -> "BLOB";
            default -> throw new IllegalArgumentException("column type '" + hiveType + "' cannot be read by the "
                    + "local run (DuckDB); use a scalar type (string, int, bigint, double, decimal(p,s), boolean, "
                    + "date, timestamp)");
        };
    }
}

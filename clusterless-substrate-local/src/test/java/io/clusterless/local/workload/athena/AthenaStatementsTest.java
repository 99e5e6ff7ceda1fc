package io.clusterless.local.workload.athena;

import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.engine.workload.athena.AthenaQueryProps;
import io.clusterless.engine.workload.athena.LotPredicate;
import io.clusterless.engine.workload.athena.QueryExpansion;
import io.clusterless.engine.workload.athena.UnloadStatement;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.UriType;
import io.clusterless.model.core.arc.athena.AthenaFormat;
import io.clusterless.model.core.arc.athena.SourceTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SQL an athenaQueryArc runs for a lot: placeholders, the lot predicate from the source manifest, the UNLOAD
 * Athena gets, and a realistic set of queries (casts, date functions, GROUP BY, filters) run for real through DuckDB
 * over a CSV table, as the local run does.
 */
class AthenaStatementsTest {
    private static final String LOT = "20230801PT5M012"; // 01:00-01:05 UTC
    private static final SourceTable CLICKS = new SourceTable(null, "clicks", "raw_clicks", "s3://raw/csv/",
            List.of(new SourceTable.Column("ts", "timestamp"), new SourceTable.Column("session_id", "string"),
                    new SourceTable.Column("url", "string"), new SourceTable.Column("duration_ms", "int")),
            List.of(new SourceTable.Column("day", "string")), "csv");

    @TempDir
    Path root;
    private Connection duck;

    @BeforeEach
    void clicksTable() throws IOException, SQLException {
        write("day=2023-08-01/a.csv", """
                2023-08-01 01:00:05,s1,/home,1200
                2023-08-01 01:01:10,s1,/cart,800
                2023-08-01 01:02:00,s2,/home,
                2023-08-01 01:04:59,s3,/search?q=it's,300
                """);
        write("day=2023-08-01/b.csv", "2023-08-01 01:03:30,s2,/cart,4500\n");
        write("day=2023-08-02/a.csv", "2023-08-02 09:00:00,s9,/home,100\n");
        write("day=2023-08-01/_SUCCESS", "not data\n");
        duck = DriverManager.getConnection("jdbc:duckdb:");
        DuckDbViews.create(duck, CLICKS, List.of(
                new DuckDbViews.Partition(List.of("2023-08-01"), "s3://raw/csv/day=2023-08-01/"),
                new DuckDbViews.Partition(List.of("2023-08-02"), "s3://raw/csv/day=2023-08-02/")),
                uri -> root.resolve(uri.substring("s3://".length())));
    }

    @Test
    void thePredicateSelectsThePartitionsAGlueManifestLists() {
        Manifest named = Manifest.complete(LOT, UriType.identifier, List.of("glue:///clicks/raw_clicks/day=2023-08-01",
                "glue:///clicks/raw_clicks/day=2023-08-02", "glue:///clicks/raw_clicks/day=2023-08-01"));
        assertThat(LotPredicate.of(CLICKS, named, "m")).isEqualTo(
                "((\"day\" = '2023-08-01') OR (\"day\" = '2023-08-02'))");
        // partitionType value: the segments are the values, in key order
        SourceTable byDate = new SourceTable(null, "c", "t", "s3://raw/csv/", CLICKS.columns(), List.of(
                new SourceTable.Column("year", "int"), new SourceTable.Column("d", "date")), "csv");
        assertThat(LotPredicate.of(byDate, Manifest.complete(LOT, UriType.identifier,
                List.of("glue://123456789012/c/t/2023/2023-08-01")), "m"))
                .isEqualTo("(\"year\" = 2023 AND \"d\" = DATE '2023-08-01')");
    }

    @Test
    void thePredicateOfAnS3ManifestIsTheFoldersOfItsObjects() {
        Manifest objects = Manifest.complete(LOT, UriType.identifier, List.of("s3://raw/csv/day=2023-08-01/a.csv",
                "s3://raw/csv/day=2023-08-01/b.csv"));
        assertThat(LotPredicate.of(CLICKS, objects, "m")).isEqualTo("(\"day\" = '2023-08-01')");
        assertThat(LotPredicate.of(CLICKS, Manifest.empty(LOT), "m")).isEqualTo("FALSE");
        assertThatThrownBy(() -> LotPredicate.of(CLICKS, Manifest.complete(LOT, UriType.identifier,
                List.of("s3://raw/csv/a.csv")), "m"))
                .isInstanceOf(WorkloadException.class).hasMessageContaining("has 0 segments, but table "
                        + "\"clicks\".\"raw_clicks\" has 1 partition keys [day]");
        assertThatThrownBy(() -> LotPredicate.of(CLICKS, Manifest.complete(LOT, UriType.identifier,
                List.of("glue:///clicks/raw_clicks")), "m"))
                .isInstanceOf(WorkloadException.class).hasMessageContaining("partitionResults");
    }

    @Test
    void aPartitionValueCannotBreakOutOfItsLiteral() throws SQLException {
        Manifest hostile = Manifest.complete(LOT, UriType.identifier,
                List.of("glue:///clicks/raw_clicks/day=x' OR '1'='1"));
        String predicate = LotPredicate.of(CLICKS, hostile, "m");
        assertThat(predicate).isEqualTo("(\"day\" = 'x'' OR ''1''=''1')");
        assertThat(rows("SELECT count(*) FROM \"clicks\".\"raw_clicks\" WHERE " + predicate)).containsExactly("0");
    }

    @Test
    void everyPlaceholderExpandsAndUnknownOnesFail() {
        String sql = "SELECT '${lot}', '${lotStart}', '${lotEnd}' FROM ${source.main.table} "
                + "WHERE ${source.main.lotPredicate};  ";
        assertThat(QueryExpansion.expand(sql, LOT, Map.of("main", CLICKS.quotedName()), role -> "TRUE"))
                .isEqualTo("SELECT '20230801PT5M012', '2023-08-01T01:00:00Z', '2023-08-01T01:05:00Z' FROM "
                        + "\"clicks\".\"raw_clicks\" WHERE TRUE");
        assertThatThrownBy(() -> QueryExpansion.expand("SELECT ${nope}", LOT, Map.of("main", "t"), role -> "TRUE"))
                .isInstanceOf(WorkloadException.class).hasMessageContaining("unknown placeholder ${nope}");
    }

    @Test
    void unloadWritesTheLotFolderInTheFormatPartitionedAsAsked() {
        AthenaQueryProps parquet = props(AthenaFormat.PARQUET, "SNAPPY", List.of("day"));
        assertThat(UnloadStatement.of("SELECT 1 AS day", "s3://out/parquet/lot=" + LOT + "/", parquet))
                .isEqualTo("UNLOAD (SELECT 1 AS day\n)\nTO 's3://out/parquet/lot=20230801PT5M012/'\n"
                        + "WITH (format = 'PARQUET', compression = 'SNAPPY', partitioned_by = ARRAY['day'])");
        assertThat(UnloadStatement.of("SELECT 1", "s3://o/p/", props(AthenaFormat.TEXTFILE, "NONE", List.of())))
                .isEqualTo("UNLOAD (SELECT 1\n)\nTO 's3://o/p/'\nWITH (format = 'TEXTFILE', field_delimiter = ',')");
    }

    @Test
    void castsAndFiltersSelectTheLotsRows() throws SQLException {
        assertThat(lot("""
                SELECT session_id, CAST(duration_ms AS DOUBLE) / 1000 AS seconds, CAST(ts AS DATE) AS d
                FROM ${source.main.table}
                WHERE ${source.main.lotPredicate} AND duration_ms IS NOT NULL AND url IN ('/home', '/cart')
                  AND duration_ms BETWEEN 500 AND 5000 AND session_id LIKE 's%'
                ORDER BY ts""")).containsExactly("s1|1.2|2023-08-01", "s1|0.8|2023-08-01", "s2|4.5|2023-08-01");
    }

    @Test
    void dateFunctionsAndLotBoundsWorkOnTheTimestampColumn() throws SQLException {
        assertThat(lot("""
                SELECT date_trunc('hour', ts) AS hour, hour(ts) AS h, year(ts) AS y, CAST(CAST(ts AS DATE) AS VARCHAR) AS day,
                       ts + INTERVAL '1' DAY AS next_day,
                       date_diff('day', DATE '2023-01-02', CAST(ts AS DATE)) % 7 + 1 AS iso_day_of_week,
                       CAST(duration_ms AS DOUBLE) / 1000 AS seconds
                FROM ${source.main.table}
                WHERE ${source.main.lotPredicate}
                  AND ts >= CAST(replace(replace('${lotStart}', 'T', ' '), 'Z', '') AS TIMESTAMP)
                  AND ts < CAST(replace(replace('${lotEnd}', 'T', ' '), 'Z', '') AS TIMESTAMP)
                ORDER BY ts LIMIT 1""")).containsExactly(
                "2023-08-01 01:00:00.0|1|2023|2023-08-01|2023-08-02 01:00:05.0|2|1.2"); // a Tuesday
    }

    @Test
    void groupByCountsPerUrlWithNullsCoalesced() throws SQLException {
        assertThat(lot("""
                SELECT url, count(*) AS hits, count(DISTINCT session_id) AS sessions,
                       sum(COALESCE(duration_ms, 0)) AS total_ms, max(day) AS day
                FROM ${source.main.table}
                WHERE ${source.main.lotPredicate}
                GROUP BY url
                HAVING count(*) > 0
                ORDER BY hits DESC, url""")).containsExactly("/cart|2|2|5300|2023-08-01", "/home|2|2|1200|2023-08-01",
                "/search?q=it's|1|1|300|2023-08-01");
    }

    @Test
    void theCopyWritesPartitionFoldersAndRefusesPartitionColumnsNotLast() throws SQLException, IOException {
        AthenaQueryProps props = props(AthenaFormat.PARQUET, "SNAPPY", List.of("day"));
        // a query ending in a comment still runs: the statement closes on a line of its own
        String select = expand("SELECT session_id, url, day FROM ${source.main.table} WHERE ${source.main.lotPredicate}"
                + " -- the lot's rows");
        Path out = root.resolve("out");
        DuckDbCopy.checkColumns(duck, select, props);
        try (Statement statement = duck.createStatement()) {
            statement.execute(DuckDbCopy.statement(select, out, props));
            assertThat(statement.getUpdateCount()).isEqualTo(5);
        }
        assertThat(out.resolve("day=2023-08-01/part-0.parquet")).exists();
        assertThat(rows("SELECT count(*), count(DISTINCT url) FROM read_parquet('" + out
                + "/day=2023-08-01/*.parquet')")).containsExactly("5|3");

        String notLast = expand("SELECT day, url FROM ${source.main.table} WHERE ${source.main.lotPredicate}");
        assertThatThrownBy(() -> DuckDbCopy.checkColumns(duck, notLast, props))
                .isInstanceOf(WorkloadException.class)
                .hasMessage("Athena's UNLOAD needs the partitionBy columns [day] as the last columns of the SELECT, "
                        + "in that order; the query returns [day, url]: move them to the end");
    }

    private static AthenaQueryProps props(AthenaFormat format, String compression, List<String> partitionBy) {
        return new AthenaQueryProps("SELECT 1", format, compression, ",", partitionBy, "primary", null,
                Map.of("main", CLICKS));
    }

    private String expand(String sql) {
        Manifest manifest = Manifest.complete(LOT, UriType.identifier, List.of("glue:///clicks/raw_clicks/day=2023-08-01"));
        return QueryExpansion.expand(sql, LOT, Map.of("main", CLICKS.quotedName()),
                role -> LotPredicate.of(CLICKS, manifest, "m"));
    }

    private List<String> lot(String sql) throws SQLException {
        return rows(expand(sql));
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = duck.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(result.getObject(i)));
                }
                rows.add(String.join("|", row));
            }
        }
        return rows;
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve("raw/csv").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}

package io.clusterless.local.workload.athena;

import io.clusterless.model.core.arc.athena.SourceTable;
import org.junit.jupiter.api.AfterEach;
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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stand-in for a Glue table: what the view shows (the catalog's partitions, never a folder it does not list,
 * never a hidden file) and how it reads them (one reader over Hive folders, so a lot's query does not bind one reader
 * per partition registered before it).
 */
class DuckDbViewsTest {
    private static final List<SourceTable.Column> COLUMNS = List.of(new SourceTable.Column("session_id", "string"),
            new SourceTable.Column("duration_ms", "int"));
    private static final SourceTable BY_DAY = new SourceTable(null, "clicks", "by_day", "s3://raw/csv/", COLUMNS,
            List.of(new SourceTable.Column("day", "date")), "csv");
    private static final SourceTable BY_SEGMENT = new SourceTable(null, "clicks", "by_segment", "s3://raw/plain/",
            COLUMNS, List.of(new SourceTable.Column("year", "int"), new SourceTable.Column("hour", "string")), "csv");
    private static final Pattern READERS = Pattern.compile("read_csv\\(");

    @TempDir
    Path root;
    private Connection duck;
    private final Function<String, Path> folder = uri -> root.resolve(uri.substring("s3://".length()));

    @BeforeEach
    void open() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void close() throws SQLException {
        duck.close();
    }

    @Test
    void hiveFoldersAreReadByOneReader_prunedToThePredicatesFiles() throws IOException, SQLException {
        List<DuckDbViews.Partition> partitions = new ArrayList<>();
        for (int day = 1; day <= 30; day++) {
            String value = String.format("2023-08-%02d", day);
            write("raw/csv/day=" + value + "/part.csv", "s" + day + "," + day + "\n");
            partitions.add(new DuckDbViews.Partition(List.of(value), "s3://raw/csv/day=" + value + "/"));
        }
        write("raw/csv/day=2023-08-31/part.csv", "unregistered,1\n"); // a folder the catalog does not list
        write("raw/csv/day=2023-08-02/_SUCCESS", "not data\n");

        assertThat(DuckDbViews.inHiveFolders(BY_DAY, partitions, folder)).isTrue();
        String view = DuckDbViews.viewSql(BY_DAY, partitions, folder);
        assertThat(count(READERS.matcher(view))).as(view).isEqualTo(1);

        DuckDbViews.create(duck, BY_DAY, partitions, folder);
        assertThat(rows("SELECT count(*), sum(duration_ms) FROM \"clicks\".\"by_day\"")).containsExactly("30|465");
        assertThat(rows("SELECT session_id, day FROM \"clicks\".\"by_day\" WHERE \"day\" = DATE '2023-08-02'"))
                .containsExactly("s2|2023-08-02");
        String plan = String.join("\n", rows("EXPLAIN ANALYZE SELECT count(*) FROM \"clicks\".\"by_day\" "
                + "WHERE \"day\" = DATE '2023-08-07'"));
        assertThat(plan).containsPattern("Total Files Read:\\s*1\\b");
    }

    @Test
    void partitionsOutsideHiveFoldersGetABranchEach_withTheCatalogsValues() throws IOException, SQLException {
        write("raw/plain/2023/08/a.csv", "s1,10\n");
        write("raw/plain/2023/09/a.csv", "s2,20\n");
        List<DuckDbViews.Partition> partitions = List.of(
                new DuckDbViews.Partition(List.of("2023", "08"), "s3://raw/plain/2023/08/"),
                new DuckDbViews.Partition(List.of("2023", "09"), "s3://raw/plain/2023/09/"));

        assertThat(DuckDbViews.inHiveFolders(BY_SEGMENT, partitions, folder)).isFalse();
        DuckDbViews.create(duck, BY_SEGMENT, partitions, folder);
        assertThat(rows("SELECT session_id, \"year\", \"hour\" FROM \"clicks\".\"by_segment\" ORDER BY 1"))
                .containsExactly("s1|2023|08", "s2|2023|09");
    }

    @Test
    void aFolderThatDuckDbWouldReadAsOneMoreColumnKeepsTheBranchPerPartition() throws IOException {
        SourceTable under = new SourceTable(null, "clicks", "t", "s3://raw/region=eu/", COLUMNS,
                List.of(new SourceTable.Column("day", "string")), "csv");
        write("raw/region=eu/day=a/part.csv", "s1,1\n");
        List<DuckDbViews.Partition> partitions = List.of(
                new DuckDbViews.Partition(List.of("a"), "s3://raw/region=eu/day=a/"));
        assertThat(DuckDbViews.inHiveFolders(under, partitions, folder)).isFalse();

        write("raw/csv/day=b/x=1/part.csv", "s1,1\n");
        assertThat(DuckDbViews.inHiveFolders(BY_DAY, List.of(
                new DuckDbViews.Partition(List.of("b"), "s3://raw/csv/day=b/")), folder)).isFalse();
        // a value DuckDB would read back differently from its folder name
        assertThat(DuckDbViews.inHiveFolders(BY_DAY, List.of(
                new DuckDbViews.Partition(List.of("a b"), "s3://raw/csv/day=a b/")), folder)).isFalse();
    }

    private static int count(Matcher matcher) {
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
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
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}

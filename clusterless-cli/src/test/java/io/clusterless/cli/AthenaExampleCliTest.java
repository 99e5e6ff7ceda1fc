package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * examples/clicks-parquet through the CLI: one `cls local run` turns the bundled CSV files into Parquet, and
 * `cls exec --dry-run` shows, for each lot, the statement the athenaQueryArc would run.
 */
class AthenaExampleCliTest {
    private static final String CSV = "s3://dev-cls-clicks-123456789012-us-west-2/csv/";

    @TempDir
    Path root;

    @Test
    void oneLocalRunWritesTheParquetAndDryRunPrintsEachLotsStatement() throws Exception {
        String project = Examples.file("clicks-parquet/project.json").toString();
        Cls.Result run = Cls.run("local", "run", "-p", project, "--local-root", root.toString(), "--until-idle",
                "--put", Examples.file("clicks-parquet/data") + "=" + CSV);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("clicks-parquet");

        JsonNode lots = json(cls(project, "datasets", "status", "--name", "clicks-parquet", "--list", "--earliest",
                "3h"));
        String lot = null;
        for (JsonNode row : lots) {
            if (row.path("manifestState").asText().equals("complete")) {
                lot = row.path("lotId").asText();
            }
        }
        assertThat(lot).as("a complete clicks-parquet lot in %s", lots).isNotNull();

        // the run's end recorded what DuckDB read for the lot's query; --runs shows it per lot
        JsonNode runs = json(cls(project, "arcs", "status", "--name", "toParquet", "--list", "--runs", "--earliest",
                "3h"));
        JsonNode ran = null;
        for (JsonNode row : runs) {
            if (row.path("lotId").asText().equals(lot)) {
                ran = row;
            }
        }
        assertThat(ran).as("lot %s in %s", lot, runs).isNotNull();
        assertThat(ran.path("arcState").asText()).isEqualTo("complete");
        assertThat(ran.path("attempts").asInt()).isEqualTo(1);
        assertThat(ran.at("/workloadMetrics/duckdbBytesRead").asLong()).as("%s", ran).isPositive();
        assertThat(ran.path("workloadMetrics").has("athenaScannedBytes")).isFalse();
        assertThat(cls(project, "arcs", "status", "--runs").err()).contains("--runs adds the newest run's columns "
                + "to the rows of --list; add --list");

        JsonNode plan = json(cls(project, "exec", "--arc", "toParquet", "--lot", lot, "--replay", "--dry-run"));
        assertThat(plan).hasSize(1);
        String sql = plan.get(0).path("sql").asText();
        assertThat(sql).startsWith("UNLOAD (-- The lot's clicks").contains("\nFROM \"clicks_raw\".\"clicks\"\n"
                + "WHERE ((\"dt\" = '2023-08-01') OR (\"dt\" = '2023-08-02'))\n)\n")
                .endsWith("TO 's3://dev-cls-clicks-123456789012-us-west-2/parquet/clicks/lot=" + lot + "/'\n"
                        + "WITH (format = 'PARQUET', compression = 'SNAPPY', partitioned_by = ARRAY['day'])");
    }

    private Cls.Result cls(String project, String... args) {
        List<String> all = new ArrayList<>(List.of("--output", "json"));
        all.addAll(List.of(args));
        all.addAll(List.of("-p", project, "-P", "local", "--local-root", root.toString()));
        return Cls.run(all.toArray(String[]::new));
    }

    private static JsonNode json(Cls.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return Json.records().readTree(result.out());
    }
}

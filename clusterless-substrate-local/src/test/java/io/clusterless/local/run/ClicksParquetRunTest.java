package io.clusterless.local.run;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.arc.LotRuns;
import io.clusterless.engine.exec.Replay;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.WorkloadMetrics;
import io.clusterless.json.Json;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * examples/clicks-parquet with one `cls local run` on its bundled CSV files: the frequent boundary's lot, the
 * partitions registered in the local catalog, and the athenaQueryArc's SQL run by DuckDB into Parquet partitioned by
 * day, read back here. A replayed lot replaces its objects and keeps the earlier manifest; a lot that fails while
 * writing leaves no manifest and no object in its folder.
 */
class ClicksParquetRunTest {
    private static final String BUCKET = "dev-cls-clicks-123456789012-us-west-2";
    private static final String MANIFESTS = "dev-clusterless-manifest-123456789012-us-west-2";
    private static final List<String> SAMPLES = List.of("dt=2023-08-01/clicks-a.csv", "dt=2023-08-01/clicks-b.csv",
            "dt=2023-08-02/clicks-c.csv");

    @TempDir
    Path root;

    @Test
    void theExampleWritesTheLotsClicksAsParquetPartitionedByDay() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "clicks-parquet/project.json");
        LotId lot = landSamples(placement);

        RunProgress progress = placement.runUntilIdle();

        assertThat(progress.failed()).isZero();
        Manifest manifest = sinkManifest(lot, "state=complete/manifest.json");
        String prefix = "s3://" + BUCKET + "/parquet/clicks/lot=" + lot.format() + "/";
        assertThat(manifest.uris()).containsExactly(prefix + "day=2023-08-01/part-0.parquet",
                prefix + "day=2023-08-02/part-0.parquet");
        assertThat(query("SELECT count(*), count(DISTINCT session_id), min(ts), max(seconds) FROM "
                + parquet(lot))).containsExactly("32|16|2023-08-01 09:00:00.0|0.507");
        assertThat(query("SELECT day, count(*) FROM " + parquet(lot) + " GROUP BY day ORDER BY day"))
                .containsExactly("2023-08-01|24", "2023-08-02|8");
        // the files hold the other columns; day is the folder, as UNLOAD writes it
        assertThat(query("SELECT column_name || ':' || column_type FROM (DESCRIBE SELECT * FROM "
                + parquet(lot).replace("true", "false") + ")")).containsExactly("session_id:VARCHAR", "url:VARCHAR",
                "referrer:VARCHAR", "seconds:DOUBLE", "ts:TIMESTAMP");
        // the run's end records what DuckDB read: the lot's CSV files, the only ones its predicate selects
        LocalPlan.ArcEntry arc = placement.plan.arcs().stream()
                .filter(entry -> entry.model().getName().equals("toParquet")).findFirst().orElseThrow();
        ArcStateStore states = new ArcStateStore(new FileObjectStore(root), arc.gateProps().arcStateURI(),
                placement.clock);
        long csvBytes = 0;
        for (String sample : SAMPLES) {
            csvBytes += Files.size(placement.file(BUCKET, "csv/" + sample));
        }
        assertThat(LotRuns.of(lot.format(), ArcState.complete, states.history(lot.format())).workloadMetrics())
                .containsExactly(Map.entry(WorkloadMetrics.DUCKDB_BYTES_READ, csvBytes));
        assertThat(states.attemptEnd(lot.format(), states.completedBy(lot.format()).orElseThrow()).orElseThrow()
                .workloadMetrics()).containsExactly(Map.entry(WorkloadMetrics.DUCKDB_BYTES_READ, csvBytes));
        // the empty lots after it are empty sink lots, not failures
        assertThat(placement.exists(MANIFESTS, "datasets/name=clicks-parquet/version=20230801/lot="
                + lot.plus(1).format() + "/state=empty/manifest.json")).isTrue();
    }

    @Test
    void aReplayedLotReplacesItsObjectsAndKeepsTheEarlierManifestAsSuperseded() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "clicks-parquet/project.json");
        LotId lot = landSamples(placement);
        assertThat(placement.runUntilIdle().failed()).isZero();
        byte[] first = Files.readAllBytes(placement.file(MANIFESTS, sinkKey(lot, "state=complete/manifest.json")));
        // an object of the earlier run that the replay does not write again must not stay in the lot
        String stale = "parquet/clicks/lot=" + lot.format() + "/day=2023-07-31/part-9.parquet";
        Files.createDirectories(placement.file(BUCKET, stale).getParent());
        Files.writeString(placement.file(BUCKET, stale), "written by the earlier run");

        LocalPlan.ArcEntry arc = placement.plan.arcs().stream()
                .filter(entry -> entry.model().getName().equals("toParquet")).findFirst().orElseThrow();
        FileObjectStore store = new FileObjectStore(root);
        String completedBy = new ArcStateStore(store, arc.gateProps().arcStateURI(), placement.clock)
                .completedBy(lot.format()).orElseThrow();
        Replay.Reopened reopened = Replay.reopen(store, arc.gateProps(), lot.format(), placement.clock, "test");
        SinkDataset partitions = new SinkDataset("clicks-partitions", "20230801", "glue:///clicks_raw/clicks");
        String upstream = "s3://" + MANIFESTS + "/datasets/name=clicks-partitions/version=20230801/lot="
                + lot.format() + "/state=complete/manifest.json";
        Map<String, String> outcomes;
        try (LocalRunner runner = new LocalRunner(placement.plan, new RunOptions(root, placement.projectDir, true, 1,
                null), placement.clock)) {
            outcomes = runner.exec(arc.project(), "toParquet", List.of(new ArcNotifyEvent(partitions, lot.format(),
                    upstream)));
        }

        assertThat(outcomes).containsEntry(lot.format(), "complete");
        assertThat(reopened.superseded()).singleElement().asString()
                .endsWith("lot=" + lot.format() + "/state=complete/attempt=" + completedBy + "/manifest.json");
        assertThat(Files.readAllBytes(placement.file(MANIFESTS, sinkKey(lot, "state=complete/attempt=" + completedBy
                + "/manifest.json")))).isEqualTo(first);
        assertThat(placement.exists(BUCKET, stale)).isFalse();
        assertThat(objects(placement, lot)).containsExactly("day=2023-08-01/part-0.parquet",
                "day=2023-08-02/part-0.parquet");
        assertThat(sinkManifest(lot, "state=complete/manifest.json").uris()).hasSize(2);
        assertThat(query("SELECT count(*) FROM " + parquet(lot))).containsExactly("32");
    }

    @Test
    void aLotThatFailsWhileWritingLeavesNoManifestAndNoObject(@TempDir Path project) throws Exception {
        Path example = LocalPlacement.EXAMPLES.resolve("clicks-parquet");
        Files.writeString(project.resolve("project.json"), Files.readString(example.resolve("project.json")));
        // rows of the first day are written before the cast of a url fails on the second day's rows
        Files.writeString(project.resolve("clicks.sql"), """
                SELECT url, CASE WHEN dt = '2023-08-02' THEN CAST(url AS INTEGER) ELSE 0 END AS n,
                       CAST(CAST(ts AS DATE) AS VARCHAR) AS day
                FROM ${source.main.table} WHERE ${source.main.lotPredicate}
                ORDER BY dt""");
        LocalPlacement placement = new LocalPlacement(root, project.resolve("project.json").toString());
        LotId lot = landSamples(placement);

        RunProgress progress = placement.runUntilIdle();

        assertThat(progress.failed()).isPositive();
        for (ManifestState state : ManifestState.values()) {
            assertThat(placement.exists(MANIFESTS, sinkKey(lot, "state=" + state + "/manifest.json")))
                    .as("a %s manifest", state).isFalse();
        }
        assertThat(objects(placement, lot)).isEmpty();
        assertThat(Files.exists(root.resolve("local/athena/toParquet")) ? list(root.resolve("local/athena/toParquet"))
                : List.of()).isEmpty();
    }

    private static LotId landSamples(LocalPlacement placement) throws IOException {
        LotId lot = placement.lotsAgo(LotUnit.TWELFTHS, 2);
        for (String sample : SAMPLES) {
            placement.land(BUCKET, "csv/" + sample, Files.readString(LocalPlacement.EXAMPLES
                    .resolve("clicks-parquet/data").resolve(sample)), LocalPlacement.within(lot));
        }
        return lot;
    }

    private Manifest sinkManifest(LotId lot, String rest) throws IOException {
        return Json.records().readValue(root.resolve("buckets").resolve(MANIFESTS).resolve(sinkKey(lot, rest))
                .toFile(), Manifest.class);
    }

    private static String sinkKey(LotId lot, String rest) {
        return "datasets/name=clicks-parquet/version=20230801/lot=" + lot.format() + "/" + rest;
    }

    private String parquet(LotId lot) {
        return "read_parquet('" + root.resolve("buckets").resolve(BUCKET).resolve("parquet/clicks/lot="
                + lot.format()) + "/*/*.parquet', hive_partitioning = true)";
    }

    private static List<String> objects(LocalPlacement placement, LotId lot) throws IOException {
        Path folder = placement.file(BUCKET, "parquet/clicks/lot=" + lot.format());
        return Files.exists(folder) ? list(folder) : List.of();
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString()).sorted().toList();
        }
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement(); ResultSet result = statement.executeQuery(sql)) {
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
}

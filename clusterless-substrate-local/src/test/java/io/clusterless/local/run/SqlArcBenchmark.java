package io.clusterless.local.run;

import io.clusterless.engine.boundary.BoundaryLedger;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The local athenaQueryArc against DuckDB alone (bench/sql-arc.sh, docs/benchmarks.md): LOTS lots of ROWS CSV rows
 * each, every lot in its own partition, run through examples/clicks-parquet (frequent boundary, Glue partitions,
 * SQL arc to Parquet partitioned by day) with one `local run`; then the same SELECT of each lot run directly by
 * DuckDB over that lot's file into Parquet, one COPY per lot on one connection. Not a test: prints BENCH lines, wall
 * time and the JVM's CPU time of each part.
 */
class SqlArcBenchmark {
    private static final int LOTS = Integer.getInteger("bench.lots", 100);
    private static final int ROWS = Integer.getInteger("bench.rows", 10_000);
    private static final String BUCKET = "dev-cls-clicks-123456789012-us-west-2";
    private static final String COLUMNS = "{'ts': 'TIMESTAMP', 'session_id': 'VARCHAR', 'url': 'VARCHAR', "
            + "'referrer': 'VARCHAR', 'duration_ms': 'INTEGER'}";

    @TempDir
    Path root;

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @Test
    void lotsThroughTheArcAgainstDuckDbAlone() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        LocalPlan plan = LocalPlan.of(new ProjectLoader().loadAll(List.of(ProjectSource.file(
                LocalPlacement.EXAMPLES.resolve("clicks-parquet/project.json")))).deployables());
        LotId first = LotId.of(LotUnit.TWELFTHS, now).plus(-(LOTS + 1));
        FileObjectStore store = new FileObjectStore(root);
        // placed just before the first lot: only the benchmark's intervals are closed
        for (LocalPlan.BoundaryEntry boundary : plan.boundaries()) {
            new BoundaryLedger(store, boundary.props().manifestBucket(), boundary.props().dataset())
                    .since(first.start());
        }
        Path inputs = Files.createDirectories(root.resolve("inputs"));
        for (int lot = 0; lot < LOTS; lot++) {
            StringBuilder csv = new StringBuilder(ROWS * 60);
            for (int row = 0; row < ROWS; row++) {
                int second = (lot * ROWS + row) % 86_400;
                csv.append(String.format("2023-08-%02d %02d:%02d:%02d,s%d,/p/%d,,%d%n", 1 + lot % 28,
                        second / 3600, second / 60 % 60, second % 60, row % 977, row % 31, row % 5000));
            }
            String key = "csv/dt=b" + String.format("%03d", lot) + "/part.csv";
            Files.writeString(inputs.resolve(String.format("%03d.csv", lot)), csv);
            LocalPut.put(csv.toString().getBytes(), BUCKET, key, store,
                    first.plus(lot).start().plus(Duration.ofMinutes(1)));
        }

        long started = System.nanoTime();
        long cpu = cpuNanos();
        RunProgress progress;
        try (LocalRunner runner = new LocalRunner(plan, new RunOptions(root, LocalPlacement.EXAMPLES
                .resolve("clicks-parquet").toAbsolutePath(), true, 2, null), clock)) {
            runner.run(p -> { });
            progress = runner.progress();
        }
        double arcSeconds = (System.nanoTime() - started) / 1e9;
        double arcCpu = (cpuNanos() - cpu) / 1e9;

        String select = Files.readString(LocalPlacement.EXAMPLES.resolve("clicks-parquet/clicks.sql"))
                .replace("${source.main.table}", "read_csv('%s', header = false, auto_detect = false, delim = ',', "
                        + "columns = " + COLUMNS + ")").replace("WHERE ${source.main.lotPredicate}", "");
        Path direct = Files.createDirectories(root.resolve("direct"));
        started = System.nanoTime();
        cpu = cpuNanos();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement()) {
            for (int lot = 0; lot < LOTS; lot++) {
                statement.execute("COPY (" + String.format(select, inputs.resolve(String.format("%03d.csv", lot)))
                        + "\n) TO '" + direct.resolve("lot" + lot) + "' (FORMAT PARQUET, COMPRESSION SNAPPY, "
                        + "PARTITION_BY (day))");
            }
        }
        double duckSeconds = (System.nanoTime() - started) / 1e9;
        double duckCpu = (cpuNanos() - cpu) / 1e9;
        System.out.printf("BENCH sql-arc lots=%d rows/lot=%d arcRuns=%d failed=%d%n", LOTS, ROWS, progress.arcRuns(),
                progress.failed());
        System.out.printf("BENCH sql-arc cls local run (boundary, partitions arc, SQL arc): %.1f s, %.0f ms/lot%n",
                arcSeconds, arcSeconds * 1000 / LOTS);
        System.out.printf("BENCH sql-arc DuckDB alone, the same %d statements: %.1f s, %.0f ms/lot%n", LOTS,
                duckSeconds, duckSeconds * 1000 / LOTS);
        System.out.printf("BENCH sql-arc difference (cls's share, both arcs): %.0f ms/lot; ratio %.2f%n",
                (arcSeconds - duckSeconds) * 1000 / LOTS, arcSeconds / duckSeconds);
        // CPU time of this JVM (DuckDB's threads included): on a machine other work keeps busy, wall time mostly
        // measures the wait for a core, CPU time what the run itself costs
        System.out.printf("BENCH sql-arc CPU: cls local run %.1f s, %.0f ms/lot; DuckDB alone %.1f s, %.0f ms/lot; "
                + "difference (cls's share) %.0f ms/lot%n", arcCpu, arcCpu * 1000 / LOTS, duckCpu,
                duckCpu * 1000 / LOTS, (arcCpu - duckCpu) * 1000 / LOTS);
    }
}

package io.clusterless.local.workload.athena;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.engine.workload.athena.AthenaQueryProps;
import io.clusterless.engine.workload.athena.AthenaQueryWorkload;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.event.WorkloadMetrics;
import io.clusterless.json.Json;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.local.catalog.LocalCatalog;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.model.Deployable;
import io.clusterless.model.core.arc.athena.AthenaFormat;
import io.clusterless.model.core.arc.athena.AthenaQueryArc;
import io.clusterless.model.core.arc.athena.SourceTable;

import org.duckdb.DuckDBConnection;
import org.duckdb.ProfilerPrintFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;

/**
 * The athenaQueryArc on the local substrate: the same SELECT, expanded by the same code as on AWS, run by DuckDB in
 * process over views of the source tables ({@link DuckDbViews}). The result is written into a staging folder of the
 * arc (which the next run's start empties), and only a finished write is moved into the lot's folder
 * {@code <sink>lot=<LOT>/}, after that folder was cleared of an earlier run's objects; then the folder is listed into
 * the sink manifest. A run killed while DuckDB writes leaves its staging folder and no manifest; one killed while
 * moving leaves objects no manifest lists, which the next run of the lot clears first.
 */
public final class LocalAthenaWorkload implements LocalExecutor {
    private final String arcName;
    private final int threads;
    private final AthenaQueryProps props;
    private final FileObjectStore store;
    private final LocalCatalog catalog;
    private final Path staging;
    private final AthenaQueryWorkload workload;
    /**
     * In-memory DuckDB databases between lots, one per lot running at a time: starting a database costs more than a
     * small lot's query, and every lot replaces the views it reads.
     */
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    /** Each kept database's views as last created, by table: an unchanged view is not created again. */
    private final Map<Connection, Map<String, String>> views = new ConcurrentHashMap<>();
    /** The source tables' partition folders, listed again only when they changed (see {@link PartitionFiles}). */
    private final PartitionFiles files = PartitionFiles.reusing();
    private volatile boolean columnsChecked;

    /**
     * @param staging where results are written before they are moved into place; on the same file system as the
     *                buckets, so the move is a rename
     * @param threads DuckDB threads of each database (one database per lot running at a time)
     * @throws IllegalArgumentException before any lot runs, when the format cannot be written locally
     */
    public LocalAthenaWorkload(String arcName, AthenaQueryProps props, FileObjectStore store, LocalCatalog catalog,
                               Path staging, int threads) {
        if (props.format() == AthenaFormat.ORC) {
            throw new IllegalArgumentException("arc " + arcName + ": format ORC cannot be written locally (DuckDB has "
                    + "no ORC writer); use PARQUET, JSON or TEXTFILE, or run this arc on AWS only");
        }
        props.tables().values().forEach(table -> Stream.concat(table.columns().stream(), table.partitions().stream())
                .forEach(column -> {
                    try {
                        DuckDbTypes.of(column.type());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("arc " + arcName + ": table " + table.quotedName() + " "
                                + column.name() + ": " + e.getMessage());
                    }
                }));
        if (threads < 1) {
            throw new IllegalArgumentException("arc " + arcName + ": DuckDB needs at least one thread, not " + threads);
        }
        this.arcName = arcName;
        this.threads = threads;
        this.props = props;
        this.store = store;
        this.catalog = catalog;
        this.staging = staging;
        this.workload = new AthenaQueryWorkload(store);
        try {
            delete(staging.resolve(arcName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the staging folder of arc " + arcName, e);
        }
    }

    /**
     * The arc's local workload, its query read and its source tables found now, so a project that cannot run fails
     * before any lot does.
     *
     * @param root the local root (held by this run): the catalog in {@code catalog/}, staging under
     *             {@code local/athena/<arc>/}, where whatever a killed run left is removed now
     * @param parallelism how many lots the run executes at once; each lot's database gets its share of the cores
     */
    public static LocalAthenaWorkload of(AthenaQueryArc arc, List<Deployable> deployables, Path projectDir, Path root,
                                         FileObjectStore store, LocalCatalog catalog, int parallelism) {
        AthenaQueryProps props = AthenaQueryProps.of(arc, deployables, projectDir);
        return new LocalAthenaWorkload(arc.getName(), props, store, catalog, root.resolve("local").resolve("athena"),
                threads(Runtime.getRuntime().availableProcessors(), parallelism));
    }

    /**
     * DuckDB threads per database: the cores shared among the lots that run at once. Each database starts as many
     * threads as there are cores; with two lots on two cores that made four busy threads, and DuckDB's pipelines,
     * which wait for all their threads, ran a lot three times slower than with one thread each (bench/sql-arc.sh).
     */
    static int threads(int cores, int parallelism) {
        return Math.max(1, cores / Math.max(1, parallelism));
    }

    public AthenaQueryWorkload workload() {
        return workload;
    }

    @Override
    public Map<String, String> run(ArcWorkloadContext context, ArcProps arcProps, String attemptId) throws Exception {
        return runMeasured(context, arcProps, attemptId).sinkManifests();
    }

    /**
     * Runs the lot's query; the result's metrics hold {@code duckdbBytesRead}, the bytes DuckDB read from files for
     * it (its profiler's {@code total_bytes_read}). Not Athena's scanned bytes, which count what Athena bills for
     * and differ with the engine and the file layout: the two are recorded under different names.
     */
    @Override
    public Result runMeasured(ArcWorkloadContext context, ArcProps arcProps, String attemptId) throws Exception {
        AthenaQueryWorkload.LotQuery query = workload.prepare(context, arcProps, props);
        if (query.finished().isPresent()) {
            return new Result(workload.finish(query, attemptId), Map.of());
        }
        Path folder = staging.resolve(arcName).resolve(query.lot() + "-" + attemptId);
        delete(folder);
        Files.createDirectories(folder);
        try {
            Copied copied = execute(query.select(), folder);
            workload.clear(query.target());
            if (copied.rows() > 0) {
                moveInto(folder, query.target());
            }
            Map<String, Long> metrics = copied.bytesRead() < 0 ? Map.of()
                    : Map.of(WorkloadMetrics.DUCKDB_BYTES_READ, copied.bytesRead());
            return new Result(workload.finish(query, attemptId, metrics.isEmpty() ? null
                    : "DuckDB read " + copied.bytesRead() + " bytes"), metrics);
        } finally {
            delete(folder);
        }
    }

    /** What a COPY did: the rows written, and the bytes DuckDB read from files (-1 when its profiler had none). */
    private record Copied(long rows, long bytesRead) {
    }

    /** Runs the COPY. */
    private Copied execute(String select, Path folder) throws SQLException {
        Connection connection = idle.poll();
        boolean fresh = connection == null;
        if (fresh) {
            connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = connection.createStatement()) {
                // the profiler counts the bytes each statement reads from files, recorded as duckdbBytesRead
                statement.execute("PRAGMA enable_profiling = 'no_output'");
                statement.execute("SET threads = " + threads);
            }
        }
        try (Statement statement = connection.createStatement()) {
            Map<String, String> created = views.computeIfAbsent(connection, c -> new HashMap<>());
            for (SourceTable table : props.tables().values()) {
                if (fresh) {
                    DuckDbViews.createSchema(connection, table);
                }
                String view = DuckDbViews.viewSql(table, partitions(table), this::folder, files);
                if (!view.equals(created.get(table.quotedName()))) {
                    DuckDbViews.replace(connection, table, view);
                    created.put(table.quotedName(), view);
                }
            }
            try {
                if (!columnsChecked) {
                    // the result's columns come from the query and the tables' definitions, the same for every lot
                    DuckDbCopy.checkColumns(connection, select, props);
                    columnsChecked = true;
                }
                statement.execute(DuckDbCopy.statement(select, folder, props));
                long rows = statement.getUpdateCount();
                return new Copied(rows, bytesRead(connection));
            } catch (SQLException e) {
                throw new WorkloadException("DuckDB could not run the query of arc " + arcName + ": "
                        + e.getMessage().lines().findFirst().orElse("") + "\n" + select, e);
            }
        } finally {
            idle.push(connection);
        }
    }

    /** The last statement's {@code io.total_bytes_read} from DuckDB's profiler; -1 when it reports none. */
    private static long bytesRead(Connection connection) throws SQLException {
        String profile = connection.unwrap(DuckDBConnection.class).getProfilingInformation(ProfilerPrintFormat.JSON);
        try {
            JsonNode read = Json.records().readTree(profile).at("/io/total_bytes_read");
            return read.isIntegralNumber() ? read.asLong() : -1;
        } catch (IOException e) {
            return -1; // a profile we cannot read only costs the measurement
        }
    }

    @Override
    public void close() {
        views.clear();
        for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
            try {
                connection.close();
            } catch (SQLException e) {
                // an in-memory database: nothing is lost when its close fails
            }
        }
    }

    /** The partitions the local catalog lists for the table, in the order they were added. */
    List<DuckDbViews.Partition> partitions(SourceTable table) {
        Path file = catalog.tableFile(table.database(), table.table());
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JsonNode stored = Json.records().readTree(file.toFile());
            List<DuckDbViews.Partition> partitions = new ArrayList<>();
            for (JsonNode partition : stored.path("partitions")) {
                List<String> values = new ArrayList<>();
                partition.path("values").forEach(value -> values.add(value.asText()));
                partitions.add(new DuckDbViews.Partition(values, partition.path("location").asText()));
            }
            return partitions;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local catalog table " + file, e);
        }
    }

    private Path folder(String s3Uri) {
        S3Location location = S3Location.parse(s3Uri);
        return store.bucketsRoot().resolve(location.bucket()).resolve(location.prefix());
    }

    private void moveInto(Path folder, S3Location target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            Path destination = store.file(target.bucket(), target.prefix() + relative);
            Files.createDirectories(destination.getParent());
            Files.move(file, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

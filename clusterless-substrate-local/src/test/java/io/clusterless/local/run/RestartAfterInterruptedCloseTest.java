package io.clusterless.local.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.boundary.BoundaryLedger;
import io.clusterless.json.Json;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed after a close announced its lot but before the close was recorded (ADR-0002, "On one machine"): the
 * restart repeats the close, which announces the lot again, and its recovery finds the same lot announced and not
 * complete. The lot must be submitted once, not by both: two submissions ran it twice in a row when the first run
 * failed, or at once when the recovery's gate judged the other's fresh run as left by the dead process. The
 * workload (resources/killed-run/app/work.sh, released) records its starts and writes no output, so every run of
 * a lot ends {@code missing} and may run again.
 */
class RestartAfterInterruptedCloseTest {
    private static final String BUCKET = "dev-cls-killed-run-123456789012-us-west-2";
    private static final Instant NOW = Instant.parse("2026-01-05T10:02:30Z");
    private static final LotId CURRENT = LotId.of(LotUnit.TWELFTHS, NOW);

    @TempDir
    Path dir;

    @Test
    void aLotAnnouncedAgainByARepeatedCloseIsNotAlsoRecovered() throws Exception {
        Path root = dir.resolve("root");
        Path project = placeProject();
        // placed a day before: the intervals are after the floor, so a repeated close closes them again (ADR-0007)
        for (LocalPlan.BoundaryEntry boundary : plan(project).boundaries()) {
            new BoundaryLedger(new FileObjectStore(root), boundary.props().manifestBucket(), boundary.props().dataset())
                    .since(NOW.minus(Duration.ofDays(1)));
        }
        for (int back = 1; back <= 2; back++) {
            LocalPut.put(("row " + back).getBytes(), BUCKET, "landing/file-" + back, new FileObjectStore(root),
                    CURRENT.plus(-back).start().plus(Duration.ofMinutes(1)));
        }
        run(root, project);
        Path intervals = onlyQueue(root).resolve("intervals.json");
        assertThat(Files.readString(intervals)).contains(CURRENT.plus(-1).format());
        // as a kill between the last close's announcement and its record leaves it
        Files.writeString(intervals, "{\"first\":\"" + CURRENT.plus(-2).format() + "\",\"closed\":\""
                + CURRENT.plus(-2).format() + "\"}");

        RunProgress restart = run(root, project);

        assertThat(restart.lotsClosed()).as("the repeated close").isEqualTo(1);
        assertThat(restart.arcRuns() + restart.skipped()).as("lots submitted by the restart").isEqualTo(2);
        assertThat(startsPerLot()).isEqualTo(Map.of(CURRENT.plus(-1).format(), 2, CURRENT.plus(-2).format(), 2));
    }

    private Path placeProject() throws Exception {
        Path source = Path.of("src/test/resources/killed-run");
        Files.createDirectories(dir.resolve("project/app"));
        Files.copy(source.resolve("app/work.sh"), dir.resolve("project/app/work.sh"));
        dir.resolve("project/app/work.sh").toFile().setExecutable(true);
        // the workload finds the events file through its declared environment (the run's is this JVM's)
        ObjectNode json = (ObjectNode) Json.records().readTree(Files.readString(source.resolve("project.json"))
                .replaceAll("(?m)^//.*$", ""));
        ((ObjectNode) json.path("arcs").get(0).path("workload")).putObject("environment")
                .put("KILLED_RUN_DIR", dir.toString());
        Path project = dir.resolve("project/project.json");
        Files.writeString(project, json.toPrettyString());
        Files.createFile(dir.resolve("events"));
        Files.createFile(dir.resolve("release")); // each workload exits at once
        return project;
    }

    private static LocalPlan plan(Path project) {
        return LocalPlan.of(new ProjectLoader().loadAll(List.of(ProjectSource.file(project))).deployables());
    }

    private static RunProgress run(Path root, Path project) throws InterruptedException {
        try (LocalRunner runner = new LocalRunner(plan(project), new RunOptions(root, project.getParent(), true, 4, null),
                Clock.fixed(NOW, ZoneOffset.UTC))) {
            runner.run(progress -> { });
            return runner.progress();
        }
    }

    private static Path onlyQueue(Path root) throws Exception {
        try (var queues = Files.list(root.resolve("local/queues"))) {
            return queues.findFirst().orElseThrow();
        }
    }

    private Map<String, Integer> startsPerLot() throws Exception {
        Map<String, Integer> starts = new TreeMap<>();
        Files.readAllLines(dir.resolve("events")).stream().filter(line -> line.startsWith("start "))
                .forEach(line -> starts.merge(line.split(" ")[1], 1, Integer::sum));
        return starts;
    }
}

package io.clusterless.local.run;

import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.status.Gap;
import io.clusterless.engine.status.GapCause;
import io.clusterless.engine.status.GapFinder;
import io.clusterless.engine.status.ListenerHistory;
import io.clusterless.json.Json;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.local.workload.function.FunctionLaunchers;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.Manifest;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * examples/function-python and examples/function-node run with one `cls local run` on their sample data: the
 * user's handler runs per lot and cls writes the sink manifests; a handler that raises leaves a failed lot whose
 * message `cls gaps` shows.
 */
class FunctionExamplesRunTest {
    @TempDir
    Path root;

    @Test
    void thePythonExampleWritesGzipJsonLinesPerDayAndTheirManifest() throws Exception {
        assumeTrue(FunctionLaunchers.onPath("python3", System.getenv("PATH")).isPresent(), "python3 is not on the PATH");
        String bucket = "dev-cls-fn-python-123456789012-us-west-2";
        LocalPlacement placement = new LocalPlacement(root, "function-python/project.json");
        LotId lot = placement.lotsAgo(LotUnit.TWELFTHS, 1);
        for (String sample : List.of("access-2023-01-01-a.csv", "access-2023-01-02-b.csv")) {
            placement.land(bucket, "landing/" + sample, Files.readString(LocalPlacement.EXAMPLES
                    .resolve("function-python/sample").resolve(sample)), LocalPlacement.within(lot));
        }

        RunProgress progress = placement.runUntilIdle();

        assertThat(progress.failed()).isZero();
        Manifest manifest = Json.records().readValue(placement.read("dev-clusterless-manifest-123456789012-us-west-2",
                "datasets/name=access-logs-by-day/version=20230101/lot=" + lot.format()
                        + "/state=complete/manifest.json"), Manifest.class);
        String prefix = "s3://" + bucket + "/by-day/";
        assertThat(manifest.uris()).containsExactly(prefix + "day=2023-01-01/part-" + lot.format() + ".json.gz",
                prefix + "day=2023-01-02/part-" + lot.format() + ".json.gz");
        byte[] gzip = Files.readAllBytes(placement.file(bucket, "by-day/day=2023-01-02/part-" + lot.format()
                + ".json.gz"));
        List<String> lines = new String(new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes()).lines()
                .toList();
        assertThat(lines).hasSize(3);
        assertThat(Json.records().readTree(lines.get(2)).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void theNodeExampleKeepsTheChosenEventTypes() throws Exception {
        assumeTrue(FunctionLaunchers.onPath("node", System.getenv("PATH")).isPresent(), "node is not on the PATH");
        String bucket = "dev-cls-fn-node-123456789012-us-west-2";
        LocalPlacement placement = new LocalPlacement(root, "function-node/project.json");
        LotId lot = placement.lotsAgo(LotUnit.TWELFTHS, 1);
        for (String sample : List.of("events-a.jsonl", "events-b.jsonl")) {
            placement.land(bucket, "events/" + sample, Files.readString(LocalPlacement.EXAMPLES
                    .resolve("function-node/sample").resolve(sample)), LocalPlacement.within(lot));
        }

        RunProgress progress = placement.runUntilIdle();

        assertThat(progress.failed()).isZero();
        List<String> kept = placement.read(bucket, "purchases/part-" + lot.format() + ".jsonl").lines().toList();
        assertThat(kept).extracting(line -> Json.records().readTree(line).path("type").asText())
                .containsExactly("purchase", "refund", "purchase");
    }

    @Test
    void aHandlerThatRaisesFailsItsLotAndGapsShowTheMessage(@TempDir Path project) throws Exception {
        assumeTrue(FunctionLaunchers.onPath("python3", System.getenv("PATH")).isPresent(), "python3 is not on the PATH");
        Path example = LocalPlacement.EXAMPLES.resolve("function-python");
        Files.writeString(project.resolve("project.json"), Files.readString(example.resolve("project.json")));
        Files.createDirectories(project.resolve("functions/reformat"));
        Files.writeString(project.resolve("functions/reformat/reformat.py"),
                "def handler(event, context):\n    raise ValueError('cannot parse row 7 of ' + event['lot'])\n");
        LocalPlan plan = LocalPlan.of(new ProjectLoader().loadAll(List.of(ProjectSource.file(
                project.resolve("project.json")))).deployables());
        LocalPlacement clock = new LocalPlacement(root, "function-python/project.json");
        LotId lot = clock.lotsAgo(LotUnit.TWELFTHS, 1);
        clock.land("dev-cls-fn-python-123456789012-us-west-2", "landing/a.csv", "time\n", LocalPlacement.within(lot));

        RunProgress progress;
        try (LocalRunner runner = new LocalRunner(plan, new RunOptions(root, project, true, 2, null), clock.clock)) {
            runner.run(p -> { });
            progress = runner.progress();
        }

        assertThat(progress.failed()).isPositive();
        ProjectPlan planned = plan.placementPlan().projects().get(0);
        ArcPlan reformat = planned.arcs().get(0);
        GapFinder gaps = new GapFinder(plan.placementPlan(), new FileObjectStore(root), ListenerHistory.ALWAYS_ENABLED,
                clock.clock, new LotRange(lot, lot.plus(1)));
        assertThat(gaps.arcGaps(planned, reformat)).filteredOn(gap -> gap.lot().equals(lot.format()))
                .singleElement().satisfies(gap -> {
            assertThat(gap.cause()).isEqualTo(GapCause.failed);
            assertThat(gap.error()).contains("function reformat.handler raised ValueError: cannot parse row 7 of "
                    + lot.format());
        });
    }

    @Test
    void aMissingRuntimeIsOneLineNamingIt(@TempDir Path project) throws Exception {
        Path example = LocalPlacement.EXAMPLES.resolve("function-python");
        Files.writeString(project.resolve("project.json"), Files.readString(example.resolve("project.json"))
                .replace("\"python3.12\"", "\"java21\"").replace("reformat.handler", "example.Reformat")
                .replace("functions/reformat", "fn.jar"));
        Files.write(project.resolve("fn.jar"), new byte[0]);
        LocalPlan plan = LocalPlan.of(new ProjectLoader().loadAll(List.of(ProjectSource.file(
                project.resolve("project.json")))).deployables());
        // a PATH without java: the run refuses to start, naming the program
        assertThatThrownBy(() -> new LocalRunner(plan, new RunOptions(root, project, true, 1, null),
                java.time.Clock.systemUTC(), "/nonexistent").close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arc reformat: runtime java21 needs java on the PATH to run locally; install Java or put "
                        + "it on the PATH");
    }
}

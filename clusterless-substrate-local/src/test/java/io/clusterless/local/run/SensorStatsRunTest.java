package io.clusterless.local.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.exec.Replay;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.status.GapCause;
import io.clusterless.engine.status.GapFinder;
import io.clusterless.engine.status.ListenerHistory;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.local.workload.function.FunctionLaunchers;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.Manifest;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * examples/sensor-stats with one `cls local run` on its bundled readings: the sageMakerProcessingArc's script, written
 * for SageMaker's folders, runs as a local process with the lot's objects in its input folder, and what it writes to
 * its output folder becomes the lot's sink objects and manifest. Duplicate events run the job once; a replay runs it
 * again and replaces the lot's objects; a failing script's last words are what `cls gaps` shows.
 */
class SensorStatsRunTest {
    private static final String BUCKET = "dev-cls-sensors-123456789012-us-west-2";
    private static final String MANIFESTS = "dev-clusterless-manifest-123456789012-us-west-2";
    private static final List<String> SAMPLES = List.of("readings-a.csv", "site-b/readings-b.csv");

    @TempDir
    Path root;

    @BeforeEach
    void python() {
        assumeTrue(FunctionLaunchers.onPath("python3", System.getenv("PATH")).isPresent(), "python3 is not on the PATH");
    }

    @Test
    void theExampleWritesEachLotsStatisticsAndTheirManifest() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "sensor-stats/project.json");
        LotId lot = landSamples(placement);

        RunProgress progress = placement.runUntilIdle();

        assertThat(progress.failed()).isZero();
        Manifest manifest = sinkManifest(placement, lot);
        assertThat(manifest.uris()).containsExactly("s3://" + BUCKET + "/stats/lot=" + lot.format() + "/stats.json");
        assertThat(manifest.comment()).startsWith("SageMaker processing job stats-");
        JsonNode stats = Json.records().readTree(placement.read(BUCKET, "stats/lot=" + lot.format() + "/stats.json"));
        assertThat(stats.path("lot").asText()).isEqualTo(lot.format());
        assertThat(stats.path("files").asInt()).isEqualTo(2);
        assertThat(stats.path("sensors").toString()).isEqualTo("{\"s1\":{\"count\":2,\"min\":20.5,\"max\":21.5,"
                + "\"mean\":21.0},\"s2\":{\"count\":3,\"min\":18.0,\"max\":23.0,\"mean\":20.0},\"s3\":{\"count\":1,"
                + "\"min\":-4.25,\"max\":-4.25,\"mean\":-4.25}}");
        // the job's folders are gone, its output is kept
        assertThat(Files.exists(root.resolve("tmp/sagemaker/stats")) ? list(root.resolve("tmp/sagemaker/stats"))
                : List.of()).isEmpty();
        assertThat(jobLogs(lot)).hasSize(1);
        // the boundary's empty lot after it starts no job and is an empty sink lot, not a failure
        assertThat(placement.exists(MANIFESTS, "datasets/name=sensor-stats/version=20230901/lot="
                + lot.plus(1).format() + "/state=empty/manifest.json")).isTrue();
        assertThat(jobLogs(lot.plus(1))).isEmpty();
    }

    @Test
    void duplicateEventsRunTheLotsJobOnce() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "sensor-stats/project.json");
        LotId lot = landSamples(placement);
        assertThat(placement.runUntilIdle().failed()).isZero();
        List<Path> logs = jobLogs(lot);

        Map<String, String> again = exec(placement, List.of(event(lot), event(lot), event(lot)));

        assertThat(again).containsExactly(Map.entry(lot.format(), "alreadyComplete"));
        assertThat(jobLogs(lot)).isEqualTo(logs);
    }

    @Test
    void aReplayRunsANewJobThatReplacesTheLotsObjects() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "sensor-stats/project.json");
        LotId lot = landSamples(placement);
        assertThat(placement.runUntilIdle().failed()).isZero();
        String stale = "stats/lot=" + lot.format() + "/from-the-earlier-run.json";
        Files.writeString(placement.file(BUCKET, stale), "{}");

        LocalPlan.ArcEntry arc = placement.plan.arcs().get(0);
        Replay.reopen(new FileObjectStore(root), arc.gateProps(), lot.format(), placement.clock, "test");
        Map<String, String> outcomes = exec(placement, List.of(event(lot)));

        assertThat(outcomes).containsEntry(lot.format(), "complete");
        assertThat(placement.exists(BUCKET, stale)).isFalse();
        assertThat(jobLogs(lot)).hasSize(2);
        assertThat(sinkManifest(placement, lot).uris()).hasSize(1);
    }

    @Test
    void aFailingScriptFailsItsLotAndGapsShowWhatItSaid(@TempDir Path project) throws Exception {
        Path example = LocalPlacement.EXAMPLES.resolve("sensor-stats");
        Files.writeString(project.resolve("project.json"), Files.readString(example.resolve("project.json")));
        Files.createDirectories(project.resolve("job"));
        Files.writeString(project.resolve("job/Dockerfile"), "FROM python:3.12-slim\n");
        Files.writeString(project.resolve("job/stats.py"), "import os\n"
                + "raise SystemExit('no readings column celsius in lot ' + os.environ['CLS_LOT'])\n");
        LocalPlan plan = LocalPlan.of(new ProjectLoader().loadAll(List.of(ProjectSource.file(
                project.resolve("project.json")))).deployables());
        LocalPlacement clock = new LocalPlacement(root, "sensor-stats/project.json");
        LotId lot = landSamples(clock);

        RunProgress progress;
        try (LocalRunner runner = new LocalRunner(plan, new RunOptions(root, project, true, 2, null), clock.clock)) {
            runner.run(p -> { });
            progress = runner.progress();
        }

        assertThat(progress.failed()).isPositive();
        ProjectPlan planned = plan.placementPlan().projects().get(0);
        ArcPlan stats = planned.arcs().get(0);
        GapFinder gaps = new GapFinder(plan.placementPlan(), new FileObjectStore(root), ListenerHistory.ALWAYS_ENABLED,
                clock.clock, new LotRange(lot, lot.plus(1)));
        assertThat(gaps.arcGaps(planned, stats)).filteredOn(gap -> gap.lot().equals(lot.format()))
                .singleElement().satisfies(gap -> {
                    assertThat(gap.cause()).isEqualTo(GapCause.failed);
                    assertThat(gap.error()).contains("python3 stats.py exited with 1: no readings column celsius in "
                            + "lot " + lot.format());
                });
    }

    @Test
    void aTrainingArcReadsItsChannelAndHyperparametersAndKeepsTheModelAsSageMakerPacksIt(@TempDir Path project)
            throws Exception {
        Path example = LocalPlacement.EXAMPLES.resolve("sensor-stats");
        Files.writeString(project.resolve("project.json"), Files.readString(example.resolve("project.json"))
                .replace("aws:core:sageMakerProcessingArc", "aws:core:sageMakerTrainingArc")
                .replace("\"python3\", \"stats.py\"", "\"python3\", \"train.py\"")
                .replace("\"maxRuntimeMin\": 15", "\"maxRuntimeMin\": 15, \"hyperParameters\": {\"scale\": \"2\"}"));
        Files.createDirectories(project.resolve("job"));
        Files.writeString(project.resolve("job/Dockerfile"), "FROM python:3.12-slim\n");
        Files.writeString(project.resolve("job/train.py"), """
                import json, os, pathlib
                hps = json.loads((pathlib.Path(os.environ['SM_INPUT_CONFIG_DIR']) / 'hyperparameters.json').read_text())
                rows = sum(len(p.read_text().splitlines()) - 1
                           for p in pathlib.Path(os.environ['SM_CHANNEL_MAIN']).rglob('*.csv'))
                (pathlib.Path(os.environ['SM_MODEL_DIR']) / 'model.json').write_text(
                    json.dumps({'weight': rows * int(hps['scale'])}))
                """);
        LocalPlan plan = LocalPlan.of(new ProjectLoader().loadAll(List.of(ProjectSource.file(
                project.resolve("project.json")))).deployables());
        LocalPlacement clock = new LocalPlacement(root, "sensor-stats/project.json");
        LotId lot = landSamples(clock);

        try (LocalRunner runner = new LocalRunner(plan, new RunOptions(root, project, true, 2, null), clock.clock)) {
            runner.run(p -> { });
            assertThat(runner.progress().failed()).isZero();
        }

        Manifest manifest = sinkManifest(clock, lot);
        assertThat(manifest.uris()).singleElement().asString().startsWith("s3://" + BUCKET + "/stats/lot="
                + lot.format() + "/stats-").endsWith("/output/model.tar.gz");
        Path archive = clock.file(BUCKET, manifest.uris().get(0).substring(("s3://" + BUCKET + "/").length()));
        Process tar = new ProcessBuilder("tar", "-xzOf", archive.toString(), "./model.json").start();
        assertThat(new String(tar.getInputStream().readAllBytes())).isEqualTo("{\"weight\": 12}");
        assertThat(tar.waitFor()).isZero();
    }

    private static LotId landSamples(LocalPlacement placement) throws IOException {
        LotId lot = placement.lotsAgo(LotUnit.TWELFTHS, 2);
        for (String sample : SAMPLES) {
            placement.land(BUCKET, "readings/" + sample, Files.readString(LocalPlacement.EXAMPLES
                    .resolve("sensor-stats/data").resolve(sample)), LocalPlacement.within(lot));
        }
        return lot;
    }

    private static ArcNotifyEvent event(LotId lot) {
        return new ArcNotifyEvent(new SinkDataset("sensor-readings", "20230901", "s3://" + BUCKET + "/readings/"),
                lot.format(), "s3://" + MANIFESTS + "/datasets/name=sensor-readings/version=20230901/lot="
                + lot.format() + "/state=complete/manifest.json");
    }

    private Map<String, String> exec(LocalPlacement placement, List<ArcNotifyEvent> events) throws Exception {
        LocalPlan.ArcEntry arc = placement.plan.arcs().get(0);
        try (LocalRunner runner = new LocalRunner(placement.plan, new RunOptions(root, placement.projectDir, true, 3,
                null), placement.clock)) {
            return runner.exec(arc.project(), "stats", events);
        }
    }

    private static Manifest sinkManifest(LocalPlacement placement, LotId lot) throws IOException {
        return Json.records().readValue(placement.read(MANIFESTS, "datasets/name=sensor-stats/version=20230901/lot="
                + lot.format() + "/state=complete/manifest.json"), Manifest.class);
    }

    /** One log per job the lot ran (its name holds the run's attempt). */
    private List<Path> jobLogs(LotId lot) throws IOException {
        return list(root.resolve("local/logs/stats")).stream()
                .filter(log -> log.getFileName().toString().startsWith(lot.format() + "-")).toList();
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}

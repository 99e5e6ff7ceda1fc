package io.clusterless.local.run;

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
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.UriType;
import io.clusterless.uri.ManifestURI;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * examples/glue-features with one `cls local run`: the glueJobArc's pythonshell script runs with python3 against the
 * local S3 endpoint for the lot and cls lists its output into the sink manifest. A duplicate event does not run the
 * job a second time, while the first run is running nor after it finished; a script that fails leaves a failed lot
 * whose message `cls gaps` shows; a glueetl job without spark-submit is refused before anything runs.
 */
class GlueJobRunTest {
    private static final String BUCKET = "dev-cls-glue-features-123456789012-us-west-2";
    private static final String MANIFESTS = "dev-clusterless-manifest-123456789012-us-west-2";
    private static final Path EXAMPLE = LocalPlacement.EXAMPLES.resolve("glue-features");

    @TempDir
    Path root;

    @BeforeEach
    void python() {
        assumeTrue(FunctionLaunchers.onPath("python3", System.getenv("PATH")).isPresent(), "python3 is not on the PATH");
    }

    @Test
    void theExampleWritesEachLotsSessionFeaturesAndTheirManifest() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "glue-features/project.json");
        LotId lot = land(placement);

        RunProgress progress = placement.runUntilIdle();

        assertThat(progress.failed()).isZero();
        Manifest manifest = Json.records().readValue(placement.read(MANIFESTS, sinkKey(lot)), Manifest.class);
        String csv = "features/lot=" + lot.format() + "/sessions.csv";
        assertThat(manifest.uris()).containsExactly("s3://" + BUCKET + "/" + csv);
        assertThat(manifest.comment()).isEqualTo("local pythonshell run of features.py");
        // s2 has one event, fewer than --min-events 2
        assertThat(placement.read(BUCKET, csv).lines()).containsExactly(
                "session_id,user_id,events,distinct_urls,seconds_on_page,duration_s",
                "s1,u1,4,4,53.75,130",
                "s3,u3,3,2,19.0,120",
                "s4,u4,2,2,7.5,40");
    }

    @Test
    void aDuplicateEventRunsTheJobOnceWhileItRunsAndAfterItFinished(@TempDir Path project) throws Exception {
        Path count = project.resolve("runs.log");
        Path release = project.resolve("release");
        // records each run's arguments, then waits until the test lets it finish
        String script = String.join("\n",
                "import os, sys, time",
                "with open(" + quote(count) + ", 'a') as f:",
                "    f.write(' '.join(sys.argv[1:]) + '\\n')",
                "for _ in range(6000):",
                "    if os.path.exists(" + quote(release) + "):",
                "        break",
                "    time.sleep(0.01)",
                "");
        LocalPlan plan = copy(project, script);
        LocalPlacement clock = new LocalPlacement(root, "glue-features/project.json");
        LotId lot = clock.lotsAgo(LotUnit.TWELFTHS, 1);
        clock.land(BUCKET, "events/a.csv", "user_id,session_id,ts,url,seconds\n", LocalPlacement.within(lot));
        String manifest = "s3://" + MANIFESTS + "/datasets/name=click-events/version=20230101/lot=" + lot.format()
                + "/state=complete/manifest.json";
        // the lot's manifest as the boundary writes it; no listener runs here: exec delivers the events
        new ManifestStore(new FileObjectStore(root)).create(ManifestURI.parse(manifest), Manifest.complete(
                lot.format(), UriType.identifier, List.of("s3://" + BUCKET + "/events/a.csv")));
        ArcNotifyEvent event = new ArcNotifyEvent(new SinkDataset("click-events", "20230101", "s3://" + BUCKET
                + "/events/"), lot.format(), manifest);

        try (LocalRunner runner = new LocalRunner(plan, new RunOptions(root, project, false, 2, null), clock.clock)) {
            var names = plan.arcs().get(0).project();
            CompletableFuture<Map<String, String>> first = CompletableFuture.supplyAsync(() -> exec(runner, names,
                    event));
            for (int i = 0; i < 6000 && !Files.exists(count); i++) {
                Thread.sleep(10);
            }
            assertThat(count).as("the first run's job started").exists();

            assertThat(exec(runner, names, event)).containsEntry(lot.format(), "alreadyRunning");
            Files.writeString(release, "go");
            assertThat(first.get()).containsEntry(lot.format(), "complete");
            assertThat(exec(runner, names, event)).containsEntry(lot.format(), "alreadyComplete");
        }

        List<String> runs = Files.readAllLines(count);
        assertThat(runs).singleElement().asString()
                .startsWith("--cls-lot " + lot.format() + " --cls-arc-props {")
                .contains(" --cls-source-role main --cls-source-manifest " + manifest + " --cls-attempt ")
                .endsWith(" --cls-sink-main s3://" + BUCKET + "/features/lot=" + lot.format() + "/ --min-events 2");
    }

    @Test
    void aFailingScriptFailsItsLotAndGapsShowItsLastLine(@TempDir Path project) throws Exception {
        LocalPlan plan = copy(project, "raise ValueError('no column ts in events-a.csv')\n");
        LocalPlacement clock = new LocalPlacement(root, "glue-features/project.json");
        LotId lot = clock.lotsAgo(LotUnit.TWELFTHS, 1);
        clock.land(BUCKET, "events/a.csv", "user_id\n", LocalPlacement.within(lot));

        RunProgress progress;
        try (LocalRunner runner = new LocalRunner(plan, new RunOptions(root, project, true, 2, null), clock.clock)) {
            runner.run(p -> { });
            progress = runner.progress();
        }

        assertThat(progress.failed()).isPositive();
        ProjectPlan planned = plan.placementPlan().projects().get(0);
        ArcPlan features = planned.arcs().get(0);
        GapFinder gaps = new GapFinder(plan.placementPlan(), new FileObjectStore(root), ListenerHistory.ALWAYS_ENABLED,
                clock.clock, new LotRange(lot, lot.plus(1)));
        assertThat(gaps.arcGaps(planned, features)).filteredOn(gap -> gap.lot().equals(lot.format()))
                .singleElement().satisfies(gap -> {
            assertThat(gap.cause()).isEqualTo(GapCause.failed);
            assertThat(gap.error()).contains("the Glue job features.py exited with 1: ValueError: no column ts in "
                    + "events-a.csv; output in ");
        });
    }

    @Test
    void aSparkJobWithoutSparkSubmitIsRefusedInOneLine(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("jobs"));
        Files.writeString(project.resolve("jobs/features.py"), "print('spark')\n");
        Files.writeString(project.resolve("project.json"), Files.readString(EXAMPLE.resolve("project.json"))
                .replace("\"pythonshell\"", "\"glueetl\""));
        LocalPlan plan = LocalPlan.of(new ProjectLoader().loadAll(List.of(ProjectSource.file(
                project.resolve("project.json")))).deployables());

        assertThatThrownBy(() -> new LocalRunner(plan, new RunOptions(root, project, true, 1, null),
                Clock.systemUTC(), "/nonexistent").close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arc features: a glueetl Glue job runs locally with spark-submit, which is not on the "
                        + "PATH; install Apache Spark (its bin/ holds spark-submit) or put it on the PATH");
    }

    @Test
    void aSparkJobRunsWithSparkSubmitOnTheLocalEndpoint(@TempDir Path project, @TempDir Path bin) throws Exception {
        // stands in for Spark's launcher: records its command line, then runs the script with python3
        Path args = project.resolve("spark-submit.args");
        Path sparkSubmit = bin.resolve("spark-submit");
        Files.writeString(sparkSubmit, String.join("\n", "#!/bin/sh",
                "printf '%s\\n' \"$@\" > " + quote(args),
                "while [ \"$1\" = --conf ]; do shift 2; done",
                "exec python3 \"$@\"", ""));
        sparkSubmit.toFile().setExecutable(true);
        Files.createDirectories(project.resolve("jobs"));
        Files.writeString(project.resolve("jobs/features.py"), Files.readString(EXAMPLE.resolve("jobs/features.py")));
        Files.writeString(project.resolve("project.json"), Files.readString(EXAMPLE.resolve("project.json"))
                .replace("\"pythonshell\"", "\"glueetl\""));
        LocalPlan plan = LocalPlan.of(new ProjectLoader().loadAll(List.of(ProjectSource.file(
                project.resolve("project.json")))).deployables());
        LocalPlacement clock = new LocalPlacement(root, "glue-features/project.json");
        LotId lot = land(clock);

        RunProgress progress;
        try (LocalRunner runner = new LocalRunner(plan, new RunOptions(root, project, true, 2, null), clock.clock,
                bin + java.io.File.pathSeparator + System.getenv("PATH"))) {
            runner.run(p -> { });
            progress = runner.progress();
        }

        assertThat(progress.failed()).isZero();
        assertThat(clock.read(BUCKET, "features/lot=" + lot.format() + "/sessions.csv").lines()).hasSize(4);
        List<String> line = Files.readAllLines(args);
        assertThat(line.subList(0, 8)).containsExactly("--conf", line.get(1), "--conf",
                "spark.hadoop.fs.s3a.path.style.access=true", "--conf", "spark.hadoop.fs.s3a.connection.ssl.enabled=false",
                "--conf", "spark.hadoop.fs.s3.impl=org.apache.hadoop.fs.s3a.S3AFileSystem");
        assertThat(line.get(1)).startsWith("spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:");
        assertThat(line.get(8)).endsWith("jobs/features.py");
        assertThat(line.get(9)).isEqualTo("--cls-lot");
    }

    private static LotId land(LocalPlacement placement) throws Exception {
        LotId lot = placement.lotsAgo(LotUnit.TWELFTHS, 1);
        for (String file : List.of("events-a.csv", "events-b.csv")) {
            placement.land(BUCKET, "events/" + file, Files.readString(EXAMPLE.resolve("data").resolve(file)),
                    LocalPlacement.within(lot));
        }
        return lot;
    }

    /** The example's project file beside {@code script} as its jobs/features.py. */
    private static LocalPlan copy(Path project, String script) throws Exception {
        Files.createDirectories(project.resolve("jobs"));
        Files.writeString(project.resolve("jobs/features.py"), script);
        Files.writeString(project.resolve("project.json"), Files.readString(EXAMPLE.resolve("project.json")));
        return LocalPlan.of(new ProjectLoader().loadAll(List.of(ProjectSource.file(project.resolve("project.json"))))
                .deployables());
    }

    private static Map<String, String> exec(LocalRunner runner, io.clusterless.naming.ProjectNames project,
                                            ArcNotifyEvent event) {
        try {
            return runner.exec(project, "features", List.of(event));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sinkKey(LotId lot) {
        return "datasets/name=session-features/version=20230101/lot=" + lot.format() + "/state=complete/manifest.json";
    }

    private static String quote(Path path) {
        return "'" + path.toAbsolutePath() + "'";
    }
}

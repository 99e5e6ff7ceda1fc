package io.clusterless.local.run;

import io.clusterless.engine.arc.ArcStartGate;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arc runner makes the state machine's choices with the runtime's gates (reference §3.7). */
class ArcChoicesTest {
    private static final String BUCKET = "dev-cls-choices-123456789012-us-west-2";
    private static final String STATES = "dev-clusterless-arc-state-123456789012-us-west-2";
    private static final String ARC = "arcs/project=Choices/version=1/arc=work/lot=";

    @TempDir
    Path dir;

    @Test
    void aFailingWorkloadGoesToTheCompleteGateAsAnErrorAndTheLotIsRecordedMissing() throws Exception {
        Path root = dir.resolve("root");
        LocalPlan plan = plan("exit 3");
        Instant now = Instant.now();
        LotId lot = LotId.of(LotUnit.TWELFTHS, now).plus(-1);
        LocalPut.put("x".getBytes(), BUCKET, "in/a.csv", new FileObjectStore(root), lot.start().plusSeconds(60));

        RunProgress progress = run(plan, root, now);

        assertThat(progress.failed()).isEqualTo(1);
        Path missing = root.resolve("buckets").resolve(STATES).resolve(ARC + lot.format() + "/missing.arc");
        assertThat(missing).exists();
        assertThat(Files.readString(missing)).contains("exited with 3");
    }

    @Test
    void aLotLeftRunningByADeadProcessIsTakenOverAtStartAndCompletes() throws Exception {
        Path root = dir.resolve("root");
        // the workload writes no sink manifest, so each run it makes ends missing: enough to see that it ran
        LocalPlan plan = plan("exit 0");
        Instant now = Instant.now();
        LotId lot = LotId.of(LotUnit.TWELFTHS, now).plus(-1);
        FileObjectStore store = new FileObjectStore(root);
        LocalPut.put("x".getBytes(), BUCKET, "in/a.csv", store, lot.start().plusSeconds(60));
        // an earlier process announced the lot and started the arc, then died: the state stays running
        run(plan, root, now);
        LocalPlan.ArcEntry arc = plan.arcs().get(0);
        String source = ManifestURI.of("dev-clusterless-manifest-123456789012-us-west-2",
                plan.boundaries().get(0).props().dataset()).withLot(lot.format()).withState(ManifestState.complete)
                .identifier();
        Path stateDir = root.resolve("buckets").resolve(STATES).resolve(ARC + lot.format());
        try (var states = Files.list(stateDir)) {
            states.forEach(file -> file.toFile().delete());
        }
        new ArcStartGate(arc.gateProps(), store, Clock.systemUTC())
                .start(new ArcNotifyEvent(plan.boundaries().get(0).props().dataset(), lot.format(), source));
        assertThat(stateDir.resolve("running.arc")).exists();

        RunProgress progress = run(plan, root, Instant.now().plusSeconds(1));

        // not AlreadyRunning: the gate found the running state older than this process and ran the lot again
        assertThat(progress.arcRuns()).isEqualTo(1);
        assertThat(progress.skipped()).isZero();
        assertThat(stateDir.resolve("running.arc")).doesNotExist();
        assertThat(stateDir.resolve("missing.arc")).exists();
    }

    @Test
    void aBatchArcWhoseImagePathIsNowhereIsRefusedBeforeAnythingRuns() throws Exception {
        LocalPlan plan = plan("exit 0");
        Files.delete(dir.resolve("app/run.sh"));
        Files.delete(dir.resolve("app"));

        assertThatThrownBy(() -> run(plan, dir.resolve("root"), Instant.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arc work: imagePath 'app' is not a folder beside the project file");
    }

    private RunProgress run(LocalPlan plan, Path root, Instant now) throws InterruptedException {
        try (LocalRunner runner = new LocalRunner(plan, new RunOptions(root, dir, true, 1, null),
                Clock.fixed(now, ZoneOffset.UTC))) {
            runner.run(progress -> { });
            return runner.progress();
        }
    }

    /** A frequent boundary feeding a batchExecArc whose command is {@code script}. */
    private LocalPlan plan(String script) throws Exception {
        Path image = Files.createDirectories(dir.resolve("app"));
        Path run = image.resolve("run.sh");
        Files.writeString(run, "#!/usr/bin/env bash\n" + script + "\n");
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path project = dir.resolve("project.json");
        Files.writeString(project, """
                {"project": {"name": "Choices", "version": "1"},
                 "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"},
                 "resources": [{"type": "aws:core:s3Bucket", "name": "bucket", "bucketName": "%1$s"},
                               {"type": "aws:core:computeEnvironment", "name": "compute", "computeEnvironmentName": "c"}],
                 "boundaries": [{"type": "aws:core:s3PutListenerBoundary", "name": "in", "eventArrival": "frequent",
                   "lotUnit": "Twelfths", "dataset": {"name": "in", "version": "1", "pathURI": "s3://%1$s/in/"}}],
                 "arcs": [{"type": "aws:core:batchExecArc", "name": "work",
                   "sources": {"main": {"name": "in", "version": "1"}},
                   "sinks": {"main": {"name": "out", "version": "1", "pathURI": "s3://%1$s/out/"}},
                   "workload": {"computeEnvironmentRef": "compute", "imagePath": "app",
                     "command": ["./run.sh", "$.arcNotifyEvent.lot"]}}]}
                """.formatted(BUCKET));
        return LocalPlan.of(new ProjectLoader().loadAll(List.of(ProjectSource.file(project))).deployables());
    }
}

package io.clusterless.local.workload.batch;

import io.clusterless.json.Json;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The original's {@code cls local}: the script that runs one batchExecArc for one lot by hand. */
class BatchArcScriptTest {
    private static final LocalPlan PLAN = LocalPlan.of(new ProjectLoader().loadAll(List.of(ProjectSource.file(
            Path.of("..", "examples", "s3-access-logs", "project.json")))).deployables());
    private static final String MANIFESTS = "dev-clusterless-manifest-123456789012-us-west-2";

    @TempDir
    Path dir;

    @Test
    void theScriptRunsTheDeclaredCommandWithItsArgumentsResolvedForTheLot() {
        String script = BatchArcScript.script(PLAN, "TOPARQUET", "20230717PT5M250", "main", ManifestState.empty);

        List<String> lines = script.lines().toList();
        assertThat(lines.get(0)).isEqualTo("#!/bin/bash");
        assertThat(lines).contains("export AWS_BATCH_JOB_ID=00000000-0000-0000-0000-000000000000",
                "export AWS_BATCH_JOB_ATTEMPT=1", "export CLS_LOCAL=true", "export OUTPUT_FORMAT='parquet'",
                "export SINK_ROLE='main'");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("exec './convert.sh' '--lot' '20230717PT5M250' "
                + "'--manifest' 's3://" + MANIFESTS + "/datasets/name=access-logs-raw/version=20230101/"
                + "lot=20230717PT5M250/state=empty/manifest.json'");
    }

    @Test
    void aRollUpArcHasNoScriptOfOneSourceLot_cls_exec_runsItsLot() {
        LocalPlan hourly = LocalPlan.of(new ProjectLoader().loadAll(List.of(ProjectSource.file(
                Path.of("..", "examples", "orders-hourly", "project.json")))).deployables());
        for (String arc : List.of("hourly", "ticked")) {
            assertThatThrownBy(() -> BatchArcScript.script(hourly, arc, "20230101PT5M001", "orders",
                    ManifestState.complete)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("arc " + arc + " rolls its sources' lots up: each run reads the covered manifests "
                            + "the start gate records for it (CLS_COVERED_MANIFESTS_URI), which a script of one "
                            + "source lot cannot give; run its lot with cls exec -P local --arc " + arc + " --lot LOT");
        }
    }

    @Test
    void bashReadsTheArcPropsBackExactlyAsWritten() throws Exception {
        String script = BatchArcScript.script(PLAN, "toParquet", "20230717PT5M250", "main", ManifestState.complete);
        // everything but the exec, then print what bash made of the quoted JSON
        String probe = script.substring(0, script.lastIndexOf("exec ")) + "printf '%s' \"$CLS_ARC_PROPS_JSON\"\n";
        Path file = Files.writeString(dir.resolve("probe.sh"), probe);

        Process bash = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.waitFor()).as(out).isZero();
        assertThat(Json.records().readTree(out).path("sinks").path("main").path("name").asText())
                .isEqualTo("access-logs-parquet");
        assertThat(Json.records().readTree(out).path("sourceManifestPaths").path("main").asText())
                .contains("name=access-logs-raw");
    }

    @Test
    void quotesSurviveBash() {
        assertThat(BatchArcScript.quote("it's $HOME `x`")).isEqualTo("'it'\\''s $HOME `x`'");
    }

    @Test
    void onlyABatchExecArcOfTheFilesWithAKnownRoleAndAValidLotHasAScript() {
        LocalPlan copyChain = LocalPlan.of(new ProjectLoader().loadAll(List.of(ProjectSource.file(
                Path.of("..", "examples", "copy-chain", "project.json")))).deployables());

        assertThatThrownBy(() -> BatchArcScript.script(PLAN, "nope", "20230717PT5M250", "main",
                ManifestState.complete)).hasMessage("no arc named nope in the project files; arcs: toParquet, addPartitions");
        assertThatThrownBy(() -> BatchArcScript.script(copyChain, "copyA", "20230717PT5M250", "main",
                ManifestState.complete)).hasMessageStartingWith("local exec is unsupported by this arc: "
                + "aws:core:s3CopyArc");
        assertThatThrownBy(() -> BatchArcScript.script(PLAN, "toParquet", "20230717PT5M250", "other",
                ManifestState.complete)).hasMessage("arc toParquet has no source role other; roles: main");
        assertThatThrownBy(() -> BatchArcScript.script(PLAN, "toParquet", "20230717PT5M250", "main",
                ManifestState.partial)).hasMessageStartingWith("manifest state partial is kept per attempt");
        assertThatThrownBy(() -> BatchArcScript.script(PLAN, "toParquet", "yesterday", "main",
                ManifestState.complete)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.local.workload.function.FunctionLaunchers;
import io.clusterless.naming.PlacementNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * examples/scheduled-report through the CLI (ADR-0013): {@code cls exec} backfills a past tick of a scheduled
 * workload without sources like any lot, once; {@code cls disable} switches a scheduled arc like a listener.
 */
class ScheduledArcCommandsTest {
    private static final String BUCKET = "dev-cls-scheduled-report-123456789012-us-west-2";
    /** A day long past: its nightly tick (02:00 the next day) came before any run of this test. */
    private static final String LOT = "20261201PT24H000";

    @TempDir
    Path root;

    private String project() {
        return Examples.file("scheduled-report/project.json").toString();
    }

    private Cls.Result cls(String... args) {
        List<String> all = new ArrayList<>(List.of("--output", "json"));
        all.addAll(List.of(args));
        all.addAll(List.of("-p", project(), "-P", "local", "--local-root", root.toString()));
        return Cls.run(all.toArray(String[]::new));
    }

    private static JsonNode json(Cls.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return Json.records().readTree(result.out());
    }

    @Test
    void execBackfillsAPastTickOfAScheduledWorkloadOnce() throws Exception {
        assumeTrue(FunctionLaunchers.onPath("python3", System.getenv("PATH")).isPresent(), "python3 is not on the PATH");
        Cls.Result run = Cls.run("local", "run", "-p", project(), "--local-root", root.toString(), "--until-idle");
        assertThat(run.exitCode()).as(run.toString()).isZero();

        JsonNode dryRun = json(cls("exec", "--arc", "nightly", "--lot", LOT, "--dry-run"));
        assertThat(dryRun).singleElement().satisfies(row -> assertThat(row.path("reason").asText())
                .contains("a tick of schedule cron(0 2 * * ? *) that never ran"));
        JsonNode executed = json(cls("exec", "--arc", "nightly", "--lot", LOT));

        assertThat(executed).singleElement().satisfies(row ->
                assertThat(row.path("outcome").asText()).isEqualTo("complete"));
        Path report = root.resolve("buckets").resolve(BUCKET).resolve("nightly/lot=" + LOT + "/nightly.json");
        assertThat(Files.readString(report)).contains("\"lot\": \"" + LOT + "\"").contains("\"sources\": []");
        assertThat(json(cls("exec", "--arc", "nightly", "--lot", LOT))).as("complete: nothing to fill").isEmpty();
    }

    @Test
    void aScheduledArcIsDisabledAndEnabledLikeAListener() throws Exception {
        JsonNode disabled = json(cls("disable", "--arc", "nightly", "--reason", "test"));
        assertThat(disabled).singleElement().satisfies(row -> assertThat(row.path("enabled").asBoolean()).isFalse());
        String metadata = new PlacementNames("dev", "123456789012", "us-west-2").metadataBucket();
        assertThat(root.resolve("buckets").resolve(metadata).resolve("listeners/project=ScheduledReport/"
                + "version=20261206-00/component=nightly")).isDirectory();
        JsonNode enabled = json(cls("enable", "--arc", "nightly"));
        assertThat(enabled).singleElement().satisfies(row -> assertThat(row.path("enabled").asBoolean()).isTrue());
    }
}

package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * examples/glue-features through the CLI: one `cls local run` runs the glueJobArc's pythonshell script on the bundled
 * events, and `cls exec --replay` runs the lot's job again, replacing its output.
 */
class GlueExampleCliTest {
    private static final String BUCKET = "dev-cls-glue-features-123456789012-us-west-2";

    @TempDir
    Path root;

    @Test
    void oneLocalRunWritesTheFeaturesAndExecReplaysTheLot() throws Exception {
        assumeTrue(java.util.stream.Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "python3"))), "python3 is not on the PATH");
        String project = Examples.file("glue-features/project.json").toString();
        Cls.Result run = Cls.run("local", "run", "-p", project, "--local-root", root.toString(), "--until-idle",
                "--put", Examples.file("glue-features/data") + "=s3://" + BUCKET + "/events/");
        assertThat(run.exitCode()).as(run.toString()).isZero();

        JsonNode lots = json(cls(project, "datasets", "status", "--name", "session-features", "--list", "--earliest",
                "3h"));
        String lot = null;
        for (JsonNode row : lots) {
            if (row.path("manifestState").asText().equals("complete")) {
                lot = row.path("lotId").asText();
            }
        }
        assertThat(lot).as("a complete session-features lot in %s", lots).isNotNull();
        Path csv = root.resolve("buckets").resolve(BUCKET).resolve("features/lot=" + lot + "/sessions.csv");
        String written = Files.readString(csv);
        assertThat(written).startsWith("session_id,user_id,events,distinct_urls,seconds_on_page,duration_s\n");
        Files.writeString(csv, "overwritten by hand");

        Cls.Result replay = cls(project, "exec", "--arc", "features", "--lot", lot, "--replay");

        assertThat(replay.exitCode()).as(replay.toString()).isZero();
        assertThat(Files.readString(csv)).isEqualTo(written);
    }

    private Cls.Result cls(String project, String... args) {
        List<String> all = new ArrayList<>(List.of("--output", "json"));
        all.addAll(List.of(args));
        all.addAll(List.of("-p", project, "-P", "local", "--local-root", root.toString()));
        return Cls.run(all.toArray(String[]::new));
    }

    private static JsonNode json(Cls.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return Json.records().readTree(result.out());
    }
}

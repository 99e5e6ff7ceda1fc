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

/** {@code cls freshness} on a local placement, black box (issue 19). */
class FreshnessCommandTest {
    private static final String INGRESS = "s3://dev-cls-copy-chain-123456789012-us-west-2/ingress/";

    @TempDir
    Path root;

    /**
     * The copy chain with targets on its ingress dataset and on copyB's sink. --put dates its files an hour back (so
     * their interval has ended): hours of margin on the ingress targets.
     */
    private Path project() throws Exception {
        String text = Files.readString(Examples.file("copy-chain/project.json"))
                .replace("\"pathURI\": \"s3://dev-cls-copy-chain-123456789012-us-west-2/ingress/\"",
                        "\"pathURI\": \"s3://dev-cls-copy-chain-123456789012-us-west-2/ingress/\", "
                                + "\"freshness\": {\"warnAfter\": \"PT3H\", \"errorAfter\": \"PT6H\"}")
                .replace("\"pathURI\": \"s3://dev-cls-copy-chain-123456789012-us-west-2/copy-b/\"",
                        "\"pathURI\": \"s3://dev-cls-copy-chain-123456789012-us-west-2/copy-b/\", "
                                + "\"freshness\": {\"errorAfter\": \"PT1H\"}");
        assertThat(text).contains("\"errorAfter\": \"PT6H\"").contains("\"errorAfter\": \"PT1H\"");
        Path file = root.resolve("project/project.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private Cls.Result cls(Path project, String... args) {
        List<String> all = new ArrayList<>(List.of("--output", "json"));
        all.addAll(List.of(args));
        all.addAll(List.of("-p", project.toString(), "-P", "local", "--local-root", root.resolve("local").toString()));
        return Cls.run(all.toArray(String[]::new));
    }

    @Test
    void freshDataIsOk_aDatasetThatNeverCompletedIsAnError_andFailGatesOnIt() throws Exception {
        Path project = project();
        assertThat(cls(project, "disable", "--arc", "copyB").exitCode()).isZero();
        Cls.Result run = Cls.run("--output", "json", "local", "run", "-p", project.toString(), "--local-root",
                root.resolve("local").toString(), "--until-idle", "--put", Examples.file("copy-chain/data") + "=" + INGRESS);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode summary = Json.records().readTree(run.out());
        assertThat(summary.get(0).path("freshness").asText()).isEqualTo("ok");
        assertThat(summary.get(1).has("freshness")).isFalse();
        assertThat(summary.get(2).path("freshness").asText()).isEqualTo("error");

        Cls.Result result = cls(project, "freshness");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode rows = Json.records().readTree(result.out());
        assertThat(rows).hasSize(2);
        JsonNode ingress = rows.get(0);
        assertThat(ingress.path("dataset").path("name").asText()).isEqualTo("chain-ingress");
        assertThat(ingress.path("level").asText()).as(result.toString()).isEqualTo("ok");
        assertThat(ingress.path("lastComplete").asText()).matches("\\d{8}PT5M\\d{3}");
        assertThat(ingress.path("warnAfter").asText()).isEqualTo("PT3H");
        JsonNode copyB = rows.get(1);
        assertThat(copyB.path("dataset").path("name").asText()).isEqualTo("chain-b");
        assertThat(copyB.path("level").asText()).isEqualTo("error");
        assertThat(copyB.path("lastComplete").isNull()).isTrue();
        assertThat(copyB.path("age").asText()).isEqualTo("none in 1d00h");

        JsonNode status = Json.records().readTree(cls(project, "datasets", "status").out());
        assertThat(status).hasSize(4);
        assertThat(status.get(0).path("freshness").asText()).isEqualTo("ok");
        assertThat(status.get(1).has("freshness")).isFalse(); // chain-a declares no targets
        assertThat(status.get(2).path("freshness").asText()).isEqualTo("error");

        Cls.Result gate = cls(project, "freshness", "--fail");
        assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(1);
        Cls.Result ingressOnly = cls(project, "freshness", "--fail", "--name", "chain-ingress");
        assertThat(ingressOnly.exitCode()).as(ingressOnly.toString()).isZero();
        assertThat(Json.records().readTree(ingressOnly.out())).hasSize(1);
    }

    @Test
    void aProjectWithoutTargets_saysHowToDeclareThem() {
        Cls.Result result = Cls.run("freshness", "-p", Examples.file("copy-chain/project.json").toString(), "-P",
                "local", "--local-root", root.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("declares freshness targets; add \"freshness\": {\"warnAfter\": \"PT30M\"");
        assertThat(result.errLines()).hasSize(1);
    }
}

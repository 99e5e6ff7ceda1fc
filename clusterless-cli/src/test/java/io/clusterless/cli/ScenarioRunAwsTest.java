package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cls -P aws scenario run} without AWS: what a dry run plans, and what is refused before any cls step runs.
 * ScenarioAwsIT runs the whole flow against moto_server.
 */
class ScenarioRunAwsTest {
    private static final Path PROJECT = Path.of("src/test/resources/deploy/two-arcs.json").toAbsolutePath();

    @TempDir
    Path dir;

    private Path scenario(String name, String watched) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("scenarios").resolve(name));
        Files.copy(PROJECT, folder.resolve("two-arcs.json"));
        Files.writeString(folder.resolve("scenario.json"), """
                {"name": "%s", "projectFiles": ["two-arcs.json"],
                 "ingressStores": [{"path": "s3://e2e-cls-deploy-check-123456789012-us-west-2/ingress/",
                                    "uploadDelaySec": 0}],
                 "watchedStores": [%s]}
                """.formatted(name, watched));
        return folder;
    }

    @Test
    void aDryRunOnAws_plansBootstrapDeployPutWatchAndDestroy_andCallsNothing() throws Exception {
        scenario("plan", "{\"path\": \"s3://e2e-cls-deploy-check-123456789012-us-west-2/copy-a/\"}");

        // the global form; an endpoint that answers nothing proves no AWS call is made
        Cls.Result result = Cls.run("--output", "json", "-P", "aws", "scenario", "run", "-f",
                dir.resolve("scenarios").toString(), "--dry-run", "--endpoint-url", "http://127.0.0.1:9",
                "--local-root", dir.resolve("local").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode row = Json.records().readTree(result.out()).get(0);
        assertThat(row.path("scenario").asText()).isEqualTo("plan");
        assertThat(row.path("result").asText()).isEqualTo("planned");
        assertThat(row.path("detail").asText()).isEqualTo("would bootstrap 123456789012-us-west-2-e2e unless it is; "
                + "would run cls verify, cls deploy; would put 3 objects 0 s apart to "
                + "s3://e2e-cls-deploy-check-123456789012-us-west-2/ingress/ (first data-0001-0.txt); would wait up "
                + "to 2700 s for 3 objects under s3://e2e-cls-deploy-check-123456789012-us-west-2/copy-a/; would "
                + "run cls destroy");
        assertThat(dir.resolve("local")).doesNotExist();
    }

    @Test
    void onAws_aScenarioThatCannotFail_isRefusedBeforeAnythingIsDeployed() throws Exception {
        scenario("vacuous", "{\"path\": \"s3://e2e-cls-deploy-check-123456789012-us-west-2/copy-a/\", "
                + "\"objectCount\": 0}");

        Cls.Result result = Cls.run("--output", "csv", "scenario", "run", dir.resolve("scenarios").toString(),
                "-P", "aws", "--endpoint-url", "http://127.0.0.1:9", "--local-root", dir.resolve("local").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("vacuous,failed,").contains("watchedStores[0].objectCount is 0");
        assertThat(result.err()).doesNotContain("cls bootstrap");
    }

    @Test
    void verifyOnlyOnAws_runsClsVerifyOnEachScenariosProjects() throws Exception {
        scenario("checked", "{\"path\": \"s3://e2e-cls-deploy-check-123456789012-us-west-2/copy-a/\"}");

        Cls.Result result = Cls.run("--output", "csv", "scenario", "run", dir.resolve("scenarios").toString(),
                "-P", "aws", "--verify-only", "--endpoint-url", "http://127.0.0.1:9", "--local-root",
                dir.resolve("local").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines()).containsExactly("scenario,result,detail", "checked,verified,cls verify passed");
        assertThat(Files.readString(dir.resolve("local/scenarios/logs/checked.err.log")))
                .contains("cdk-nag AwsSolutions: 0 errors");
    }

    @Test
    void theOriginalsOtherRunnerOptions_deployDestroyOnlyAndVerifyOnDryRun_areHonoured() throws Exception {
        scenario("options", "{\"path\": \"s3://e2e-cls-deploy-check-123456789012-us-west-2/copy-a/\"}");
        String local = dir.resolve("local").toString();

        Cls.Result aws = Cls.run("--output", "json", "scenario", "run", dir.resolve("scenarios").toString(),
                "-P", "aws", "--dry-run", "--deploy-destroy-only", "--verify-on-dry-run", "--cls-app",
                "/usr/local/bin/cls", "--endpoint-url", "http://127.0.0.1:9", "--local-root", local);
        Cls.Result locally = Cls.run("--output", "csv", "scenario", "run", dir.resolve("scenarios").toString(),
                "--deploy-destroy-only", "--local-root", local);

        assertThat(aws.exitCode()).as(aws.toString()).isZero();
        assertThat(Json.records().readTree(aws.out()).get(0).path("detail").asText()).isEqualTo("cls verify "
                + "passed; would bootstrap 123456789012-us-west-2-e2e unless it is; would run cls verify, cls deploy; "
                + "would run cls destroy");
        assertThat(locally.exitCode()).as(locally.toString()).isZero();
        assertThat(locally.outLines()).containsExactly("scenario,result,detail", "options,verified,1 project files "
                + "valid");
    }
}

package io.clusterless.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static io.clusterless.cli.deploy.MotoEndToEnd.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cls -P aws scenario run} end to end, as the original's runner ran its scenarios: {@code bin/cls} against a
 * moto_server of its own on loopback, the real CDK CLI deploying. moto runs no Lambda, so the passing scenario
 * watches its own ingress prefix and the failing one a copy arc's sink, which stays empty.
 * Skips with a notice where moto_server or the aws CLI is absent, unless {@code CLS_REQUIRE_MOTO=true} (CI).
 */
class ScenarioAwsIT {
    private static final Path PROJECT = Path.of("src/test/resources/deploy/two-arcs.json").toAbsolutePath();
    private static final String BUCKET = "e2e-cls-deploy-check-123456789012-us-west-2";
    private static final String METADATA = "e2e-clusterless-metadata-123456789012-us-west-2";
    private static final String BOOTSTRAP_STACK = "E2E-clusterless-bootstrap";
    private static final String COPY_A_STACK = "E2E-deploy-check-arc-copy-a-20240101-00-us-west-2";
    private static final String FAIL_BUCKET = "e2e-cls-scenario-fail-123456789012-us-west-2";
    private static final String FAIL_COPY_A_STACK = "E2E-scenario-fail-arc-copy-a-20240101-00-us-west-2";

    private static MotoEndToEnd moto;
    private static Path work;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoEndToEnd.start("the AWS scenario test", "scenario-aws-");
        work = moto.work();
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void aPassingScenarioIsDestroyedWithTheBootstrapItMade_aFailingOneStaysDeployed() throws Exception {
        Path passing = scenario("pass", "ingress/pass/", 3, 5);
        Path failing = scenario("fail", "copy-b/", 1, 2);
        // a project of its own: moto keeps a destroyed stack's bucket (no custom resource empties it), so deploying
        // the first scenario's project again would collide with it
        Path failingProject = failing.resolve("two-arcs.json");
        Files.writeString(failingProject, Files.readString(failingProject).replace("DeployCheck", "ScenarioFail")
                .replace(BUCKET, FAIL_BUCKET).replace("\"check-", "\"fail-"));
        Files.writeString(failing.resolve("scenario.json"), Files.readString(failing.resolve("scenario.json"))
                .replace(BUCKET, FAIL_BUCKET));

        Run passed = cls(List.of("-P", "aws", "scenario", "run", passing.toString()));
        assertThat(passed.exit()).as(passed.toString()).isZero();
        JsonNode passedRow = JSON.readTree(passed.out()).get(0);
        assertThat(passedRow.path("result").asText()).as(passed.toString()).isEqualTo("passed");
        assertThat(passedRow.path("detail").asText())
                .isEqualTo("s3://" + BUCKET + "/ingress/pass/ 3/3; destroyed");
        // every step ran, in the original's order, each logged
        String log = Files.readString(work.resolve("local/scenarios/logs/pass.err.log"));
        assertThat(log.lines().filter(line -> line.startsWith("$ cls "))
                .map(line -> line.replaceFirst(".* --output json (\\S+) .*", "$1")))
                .containsExactly("verify", "deploy", "destroy");
        assertThat(stacks()).doesNotContain(BOOTSTRAP_STACK, COPY_A_STACK);
        assertThat(buckets()).doesNotContain(METADATA);

        Run failed = cls(List.of("scenario", "run", "-f", failing.toString(), "--providers", "aws"));
        assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
        JsonNode failedRow = JSON.readTree(failed.out()).get(0);
        assertThat(failedRow.path("result").asText()).isEqualTo("failed");
        assertThat(failedRow.path("detail").asText()).isEqualTo("s3://" + FAIL_BUCKET + "/copy-b/ holds 0 of the 1 "
                + "expected after 2 s; s3://" + FAIL_BUCKET + "/copy-b/ 0/1; stays deployed (cls destroy removes it)");
        assertThat(failed.err()).contains("the bootstraps this run made stay: 123456789012-us-west-2-e2e");
        assertThat(stacks()).contains(BOOTSTRAP_STACK, FAIL_COPY_A_STACK);
        // the ingress objects as the original wrote them: data-<iteration>-<millis>.txt, objectCount lines each
        List<String> keys = new ArrayList<>();
        aws("s3api", "list-objects-v2", "--bucket", FAIL_BUCKET, "--prefix", "ingress/fail/").path("Contents")
                .forEach(object -> keys.add(object.path("Key").asText()));
        assertThat(keys).hasSize(3).allMatch(key -> key.matches("ingress/fail/data-000[123]-\\d{13}\\.txt"));
        Path body = work.resolve("body.txt");
        aws("s3api", "get-object", "--bucket", FAIL_BUCKET, "--key", keys.get(0), body.toString());
        assertThat(Files.readString(body)).isEqualTo("0,value\n1,value\n2,value");
    }

    /** A scenario folder: the deploy test's project, ingress objects 1 s apart, one watched prefix. */
    private static Path scenario(String name, String watched, int count, int timeoutSec) throws IOException {
        // each scenario its own ingress prefix, inside the boundary's: a bucket may outlive a destroy on moto
        Path folder = Files.createDirectories(work.resolve("scenarios").resolve(name));
        Files.copy(PROJECT, folder.resolve("two-arcs.json"));
        Files.writeString(folder.resolve("scenario.json"), """
                {"name": "%s", "projectFiles": ["two-arcs.json"],
                 "placements": [{"stage": "e2e", "provider": "aws", "account": "123456789012", "region": "us-west-2"}],
                 "ingressStores": [{"region": "us-west-2", "path": "s3://%s/ingress/%s/", "uploadDelaySec": 1}],
                 "watchedStores": [{"region": "us-west-2", "path": "s3://%s/%s", "objectCount": %d,
                                    "pollingSleepSec": 1, "timeoutSec": %d}]}
                """.formatted(name, BUCKET, name, BUCKET, watched, count, timeoutSec));
        return folder;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Run cls(List<String> args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--output", "json"));
        all.addAll(args);
        all.addAll(List.of("--local-root", work.resolve("local").toString()));
        return moto.run(moto.cls(all), "cls", 20);
    }

    private static JsonNode aws(String... args) throws Exception {
        return moto.aws(args);
    }

    private static TreeSet<String> stacks() throws Exception {
        return moto.stacks();
    }

    private static List<String> buckets() throws Exception {
        return moto.buckets();
    }
}

package io.clusterless.cli;

import io.clusterless.cli.context.ExitCodes;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --output json} on deploy, diff, destroy and bootstrap: exactly one JSON document on standard output, where
 * no AWS is needed (dry runs, refusals); the moto run with real stacks is DeployLifecycleIT.
 */
class CommandDocumentTest {
    private static final String COPY_CHAIN = Examples.file("copy-chain/project.json").toString();
    private static final List<String> COPY_CHAIN_STACKS = List.of(
            "DEV-copy-chain-resource-activity-boundary-20230101-00-us-west-2",
            "DEV-copy-chain-arc-copy-a-20230101-00-us-west-2",
            "DEV-copy-chain-arc-copy-b-20230101-00-us-west-2",
            "DEV-copy-chain-arc-copy-c-20230101-00-us-west-2");

    /** The whole of standard output, parsed: a second document or any other line would fail here. */
    private static JsonNode document(Cls.Result result) throws Exception {
        return Json.records().readTree(result.out());
    }

    private static List<String> names(JsonNode document) {
        List<String> names = new ArrayList<>();
        document.path("stacks").forEach(stack -> names.add(stack.path("name").asText()));
        return names;
    }

    @Test
    void deployDryRun_documentsEveryStackOfTheAssembly_withItsProject_andNothingDone() throws Exception {
        Cls.Result result = Cls.run("--output", "json", "deploy", COPY_CHAIN, "--approve", "--dry-run",
                "--endpoint-url", "http://localhost:1");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode document = document(result);
        assertThat(document.path("command").asText()).isEqualTo("deploy");
        assertThat(document.path("dryRun").asBoolean()).isTrue();
        assertThat(document.path("exitCode").asInt()).isZero();
        assertThat(document.path("error").isNull()).isTrue();
        assertThat(document.path("cdkExitCode").asInt()).isZero();
        assertThat(document.at("/timings/synthMillis").asLong()).isPositive();
        assertThat(document.at("/timings/totalMillis").asLong())
                .isGreaterThanOrEqualTo(document.at("/timings/synthMillis").asLong());
        assertThat(names(document)).containsExactlyInAnyOrderElementsOf(COPY_CHAIN_STACKS);
        JsonNode first = document.path("stacks").get(0);
        assertThat(first.at("/project/name").asText()).isEqualTo("CopyChain");
        assertThat(first.path("account").asText()).isEqualTo("123456789012");
        assertThat(first.path("region").asText()).isEqualTo("us-west-2");
        assertThat(first.path("change").isNull()).as("a dry run reads no stack").isTrue();
        assertThat(document.path("deployRecords")).isEmpty();
        assertThat(document.path("metadataWritten")).isEmpty();
        // the dry run's command line is progress, on standard error
        assertThat(result.err()).contains("dry run: cdk deploy");
    }

    @Test
    void diffAndDestroyDryRuns_documentTheSameStacks() throws Exception {
        for (String command : List.of("diff", "destroy")) {
            Cls.Result result = Cls.run("--output", "json", command, COPY_CHAIN, "--dry-run", "--endpoint-url",
                    "http://localhost:1");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(document(result).path("command").asText()).isEqualTo(command);
            assertThat(names(document(result))).containsExactlyInAnyOrderElementsOf(COPY_CHAIN_STACKS);
        }
    }

    @Test
    void bootstrapDryRun_documentsTheBootstrapStack() throws Exception {
        Cls.Result result = Cls.run("--output", "json", "bootstrap", "--account", "123456789012", "--region",
                "us-west-2", "--stage", "dev", "--approve", "--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode document = document(result);
        assertThat(document.path("command").asText()).isEqualTo("bootstrap");
        assertThat(names(document)).containsExactly("DEV-clusterless-bootstrap");
        assertThat(document.at("/stacks/0/project").isNull()).isTrue();
    }

    @Test
    void aRefusedDeploy_stillWritesItsDocument_withTheErrorAlsoOnStandardError() throws Exception {
        Cls.Result result = Cls.run("--output", "json", "deploy", COPY_CHAIN, "--endpoint-url",
                "http://localhost:1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        JsonNode document = document(result);
        assertThat(document.path("exitCode").asInt()).isEqualTo(ExitCodes.FAILURE);
        assertThat(document.path("error").asText()).startsWith("cls deploy needs --approve");
        assertThat(document.path("stacks")).isEmpty();
        assertThat(result.err()).contains("error: cls deploy needs --approve");
    }
}

package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.substrate.aws.synth.SynthOptions;
import io.clusterless.substrate.aws.synth.SynthResult;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * aws:core:lambdaExecArc (examples/function-python): the user's code as a function of its own, zipped from its folder
 * without Docker, invoked by the arc's state machine between cls's contract steps, with least-privilege roles.
 */
class LambdaExecArcStackTest {
    private static final String STACK = "DEV-fn-python-arc-reformat-20230101-00-us-west-2";
    private static final String FUNCTION = "DEV-fn-python-reformat-func-20230101-00-us-west-2";
    private static final String BUCKET = "dev-cls-fn-python-123456789012-us-west-2";

    private static final class Synth {
        static final Synthesized INSTANCE = Synthesized.of(Projects.synth(
                Projects.load(Projects.EXAMPLES.resolve("function-python/project.json")),
                SynthOptions.defaults(Projects.lambdaJar()).withNag(true)));
    }

    private final Synthesized synthesized = Synth.INSTANCE;

    @Test
    void theUsersFunctionRunsTheHandlerOfItsRuntimeWithItsEnvironmentAndLimits() {
        Template template = synthesized.template(STACK);
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", FUNCTION,
                "Runtime", "python3.12",
                "Handler", "reformat.handler",
                "MemorySize", 512,
                "Timeout", 300,
                "Environment", Map.of("Variables", Map.of("TIME_FIELD", "time")))));
        assertThat(FUNCTION.length()).isLessThanOrEqualTo(64);
        // retries are the state machine's: Lambda's own asynchronous retries would run a lot twice
        template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Match.objectLike(Map.of(
                "MaximumRetryAttempts", 0)));
    }

    @Test
    void theCodeIsTheFolderZippedAsAFileAssetNotADockerImage() throws IOException {
        JsonNode assets = Json.records().readTree(synthesized.result().outdir().resolve(STACK + ".assets.json").toFile());
        assertThat(assets.path("dockerImages").size()).isZero();
        List<Path> folders = new ArrayList<>();
        assets.path("files").forEach(file -> {
            JsonNode source = file.path("source");
            if ("zip".equals(source.path("packaging").asText())) {
                folders.add(synthesized.result().outdir().resolve(source.path("path").asText()));
            }
        });
        assertThat(folders).singleElement().satisfies(folder ->
                assertThat(Files.readString(folder.resolve("reformat.py"))).contains("def handler(event, context)"));
    }

    @Test
    void theFunctionMayReadItsSourcesObjectsAndWriteOnlyUnderItsSink() {
        JsonNode statements = policyOf("FunctionRole");
        List<String> granted = new ArrayList<>();
        // listing is limited to the prefixes the role may read (issue 12): the s3:prefix condition is part of the grant
        statements.forEach(statement -> granted.add(statement.path("Action").toString() + " " + resource(statement)
                + (statement.has("Condition") ? " " + statement.at("/Condition/StringLike/s3:prefix") : "")));
        assertThat(granted).containsExactlyInAnyOrder(
                "[\"logs:CreateLogStream\",\"logs:PutLogEvents\"] FunctionLogs",
                "\"s3:GetObject\" arn:aws:s3:::" + BUCKET + "/landing/*",
                "\"s3:ListBucket\" arn:aws:s3:::" + BUCKET + " [\"landing/*\"]",
                "\"s3:GetObject\" arn:aws:s3:::" + BUCKET + "/by-day/*",
                "\"s3:ListBucket\" arn:aws:s3:::" + BUCKET + " [\"by-day/*\"]",
                "[\"s3:PutObject\",\"s3:DeleteObject\",\"s3:AbortMultipartUpload\"] arn:aws:s3:::" + BUCKET + "/by-day/*");
    }

    @Test
    void theStateMachineRunsEventFunctionAndResultBetweenTheGatesWithTheConfiguredRetries() {
        JsonNode states = synthesized.stateMachineDefinition(STACK).path("States");
        assertThat(states.path("FunctionEvent").path("Next").asText()).isEqualTo("Function");
        assertThat(states.path("Function").path("Next").asText()).isEqualTo("FunctionResult");
        assertThat(states.path("FunctionResult").path("Next").asText()).isEqualTo("CompleteInvoke");
        assertThat(states.path("FunctionResult").path("ResultPath").asText()).isEqualTo("$.sinkManifests");
        assertThat(states.path("Function").path("InputPath").asText()).isEqualTo("$.functionEvent");
        for (String task : List.of("FunctionEvent", "Function", "FunctionResult")) {
            assertThat(states.path(task).path("Catch").get(0).path("Next").asText()).isEqualTo(task + "Catch");
            assertThat(states.path(task + "Catch").path("Next").asText()).isEqualTo("CompleteInvoke");
        }
        List<JsonNode> retries = new ArrayList<>();
        states.path("Function").path("Retry").forEach(retries::add);
        assertThat(retries).anySatisfy(retry -> {
            assertThat(retry.path("ErrorEquals").toString()).isEqualTo("[\"States.ALL\"]");
            assertThat(retry.path("MaxAttempts").asInt()).isEqualTo(2);
        });
        JsonNode start = states.path("StateStart");
        assertThat(start.path("Choices").toString()).contains("\"Next\":\"FunctionEvent\"");
    }

    @Test
    void nagFindsNoError() {
        SynthResult result = synthesized.result();
        assertThat(result.findings()).filteredOn(f -> f.level().equals("error")).isEmpty();
    }

    private JsonNode policyOf(String rolePrefix) {
        for (JsonNode resource : synthesized.json(STACK).path("Resources")) {
            if (resource.path("Type").asText().equals("AWS::IAM::Policy")
                    && resource.path("Properties").path("Roles").get(0).path("Ref").asText().startsWith(rolePrefix)) {
                return resource.path("Properties").path("PolicyDocument").path("Statement");
            }
        }
        throw new AssertionError("no policy of " + rolePrefix);
    }

    /** A statement's resource as text: ARNs joined with the partition, log groups by their logical id prefix. */
    private static String resource(JsonNode statement) {
        JsonNode resource = statement.path("Resource");
        if (resource.has("Fn::GetAtt")) {
            return resource.path("Fn::GetAtt").get(0).asText().replaceAll("[0-9A-F]{8}$", "");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : resource.path("Fn::Join").get(1)) {
            text.append(part.isTextual() ? part.asText() : "aws");
        }
        return text.toString();
    }
}

package io.clusterless.substrate.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.substrate.aws.synth.SynthOptions;
import io.clusterless.substrate.aws.synth.SynthResult;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A synthesized assembly and ways to read its templates in tests. */
public record Synthesized(SynthResult result) {
    /** The fixture with every component type, synthesized once for all test classes (jsii is slow to warm up). */
    private static final class AllComponents {
        static final Synthesized INSTANCE = new Synthesized(Projects.synth(
                Projects.load(resource("projects/all-components.json")),
                SynthOptions.defaults(Projects.lambdaJar()).withNag(true)));
    }

    public static Synthesized allComponents() {
        return AllComponents.INSTANCE;
    }

    public static Path resource(String name) {
        try {
            return Path.of(Synthesized.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Synthesized of(SynthResult result) {
        return new Synthesized(result);
    }

    public JsonNode json(String stack) {
        SynthResult.StackReport report = result.stacks().stream().filter(s -> s.name().equals(stack)).findFirst()
                .orElseThrow(() -> new AssertionError("no stack " + stack + " in " + result.stacks()));
        try {
            return Json.records().readTree(result.outdir().resolve(report.templateFile()).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Template template(String stack) {
        return Template.fromJSON(Json.records().convertValue(json(stack), new TypeReference<Map<String, Object>>() {
        }));
    }

    /** The only resource of {@code type} in {@code stack}. */
    public JsonNode single(String stack, String type) {
        JsonNode found = null;
        for (JsonNode resource : json(stack).path("Resources")) {
            if (resource.path("Type").asText().equals(type)) {
                assertThat(found).as("more than one " + type + " in " + stack).isNull();
                found = resource;
            }
        }
        assertThat(found).as(type + " in " + stack).isNotNull();
        return found;
    }

    /** The resources of {@code type} in {@code stack}, in template order. */
    public List<JsonNode> resources(String stack, String type) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode resource : json(stack).path("Resources")) {
            if (resource.path("Type").asText().equals(type)) {
                found.add(resource);
            }
        }
        return found;
    }

    /** The logical id of the only resource of {@code type} in {@code stack}. */
    public String logicalId(String stack, String type) {
        List<String> ids = new ArrayList<>();
        json(stack).path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals(type)) {
                ids.add(entry.getKey());
            }
        });
        assertThat(ids).as(type).hasSize(1);
        return ids.get(0);
    }

    /** The first stack whose name contains {@code part}. */
    public String stackNamed(String part) {
        return result.stacks().stream().map(SynthResult.StackReport::name)
                .filter(name -> name.contains(part)).findFirst().orElseThrow();
    }

    /**
     * The IAM policies of {@code stack} whose logical id is {@code idPattern} (a regular expression) followed by word
     * characters; logical ids are alphanumeric, so a plain prefix selects the ids that start with it.
     */
    public List<JsonNode> policies(String stack, String idPattern) {
        List<JsonNode> found = new ArrayList<>();
        json(stack).path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals("AWS::IAM::Policy")
                    && entry.getKey().matches(idPattern + "\\w*")) {
                found.add(entry.getValue());
            }
        });
        return found;
    }

    /** The statements of {@link #policies}, in template order. */
    public List<JsonNode> policyStatements(String stack, String idPattern) {
        List<JsonNode> statements = new ArrayList<>();
        policies(stack, idPattern).forEach(policy -> policy.at("/Properties/PolicyDocument/Statement").forEach(statements::add));
        return statements;
    }

    /** The text of {@link #policies}, one after the other ("" when there is none). */
    public String policyText(String stack, String idPattern) {
        StringBuilder text = new StringBuilder();
        policies(stack, idPattern).forEach(policy -> text.append(policy.toString()));
        return text.toString();
    }

    /** The Lambda functions of {@code stack} whose handler contains {@code handlerPart}. */
    public List<JsonNode> functionsWithHandler(String stack, String handlerPart) {
        return resources(stack, "AWS::Lambda::Function").stream()
                .filter(function -> function.at("/Properties/Handler").asText().contains(handlerPart)).toList();
    }

    /** Environment variable {@code name} of the one Lambda function whose name contains {@code namePart}. */
    public String functionVariable(String stack, String namePart, String name) {
        List<String> found = new ArrayList<>();
        for (JsonNode function : resources(stack, "AWS::Lambda::Function")) {
            JsonNode properties = function.path("Properties");
            if (properties.path("FunctionName").asText().contains(namePart)) {
                found.add(properties.path("Environment").path("Variables").path(name).asText());
            }
        }
        assertThat(found).as("the function named *" + namePart + "* of " + stack).hasSize(1);
        return found.get(0);
    }

    /**
     * cfn-lint finds no error or warning in the stack's template (W3005, a redundant DependsOn that CDK writes, is
     * ignored); aborts the test where cfn-lint is not on the PATH.
     */
    public void assertCfnLintPasses(String stack) throws IOException, InterruptedException {
        Path template = result.outdir().resolve(stack + ".template.json");
        Process lint;
        try {
            lint = new ProcessBuilder("cfn-lint", "--ignore-checks", "W3005", "--", template.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("cfn-lint is not on the PATH");
            return;
        }
        String output = new String(lint.getInputStream().readAllBytes());
        assertThat(lint.waitFor()).as(stack + ": " + output).isZero();
    }

    /**
     * A state machine's definition: CloudFormation builds it with Fn::Join over strings and tokens; the tokens
     * (ARNs) become placeholders so the states and transitions can be read as JSON.
     */
    public JsonNode stateMachineDefinition(String stack) {
        JsonNode definition = single(stack, "AWS::StepFunctions::StateMachine").path("Properties").path("DefinitionString");
        StringBuilder text = new StringBuilder();
        if (definition.isTextual()) {
            text.append(definition.asText());
        } else {
            for (JsonNode part : definition.path("Fn::Join").get(1)) {
                text.append(part.isTextual() ? part.asText() : "TOKEN");
            }
        }
        try {
            return Json.records().readTree(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

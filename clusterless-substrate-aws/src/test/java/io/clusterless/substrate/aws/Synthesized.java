package io.clusterless.substrate.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.substrate.aws.synth.SynthOptions;
import io.clusterless.substrate.aws.synth.SynthResult;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
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

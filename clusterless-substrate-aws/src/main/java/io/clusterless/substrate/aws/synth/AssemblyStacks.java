package io.clusterless.substrate.aws.synth;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stacks of a synthesized cloud assembly, read from its files in Java: the same as the CDK's
 * {@code CloudAssembly.getStacks()} (the manifest's stack artifacts in the CDK's order: in rounds, each round the
 * artifacts none of whose dependencies are left, by id; a stack's name is its {@code stackName} property, else its
 * artifact id), without carrying every template back across jsii's bridge (three round trips a stack, the template
 * the largest value of a synth). ExamplesSynthTest compares both on every example.
 */
final class AssemblyStacks {
    static final String STACK_TYPE = "aws:cloudformation:stack";

    private AssemblyStacks() {
    }

    /** Each stack of the assembly in {@code outdir}: its name, template file (relative) and resource counts. */
    static List<SynthResult.StackReport> read(Path outdir) {
        Path manifest = outdir.resolve("manifest.json");
        try {
            List<SynthResult.StackReport> stacks = new ArrayList<>();
            for (Map.Entry<String, JsonNode> artifact : ordered(Json.records().readTree(manifest.toFile()).path("artifacts"))) {
                if (!STACK_TYPE.equals(artifact.getValue().path("type").asText())) {
                    continue;
                }
                JsonNode properties = artifact.getValue().path("properties");
                String name = properties.path("stackName").asText(artifact.getKey());
                String templateFile = properties.path("templateFile").asText();
                JsonNode template = Json.records().readTree(outdir.resolve(templateFile).toFile());
                stacks.add(new SynthResult.StackReport(name, templateFile, resourceCounts(template)));
            }
            return stacks;
        } catch (IOException | RuntimeException e) {
            throw new SynthException("cannot read the synthesized assembly " + manifest + ": " + e.getMessage());
        }
    }

    /**
     * The artifacts in the CDK's order: rounds of those whose dependencies are all placed already (or not artifacts),
     * each round by id; an assembly with a dependency cycle is refused (the CDK refuses it too).
     */
    static List<Map.Entry<String, JsonNode>> ordered(JsonNode artifacts) {
        Map<String, JsonNode> remaining = new TreeMap<>();
        artifacts.fields().forEachRemaining(artifact -> remaining.put(artifact.getKey(), artifact.getValue()));
        List<Map.Entry<String, JsonNode>> ordered = new ArrayList<>();
        while (!remaining.isEmpty()) {
            List<Map.Entry<String, JsonNode>> round = new ArrayList<>();
            for (Map.Entry<String, JsonNode> artifact : remaining.entrySet()) {
                boolean ready = true;
                for (JsonNode dependency : artifact.getValue().path("dependencies")) {
                    ready &= !remaining.containsKey(dependency.asText());
                }
                if (ready) {
                    round.add(Map.entry(artifact.getKey(), artifact.getValue()));
                }
            }
            if (round.isEmpty()) {
                throw new IllegalStateException("artifacts depend on each other in a cycle: " + remaining.keySet());
            }
            round.forEach(artifact -> remaining.remove(artifact.getKey()));
            ordered.addAll(round);
        }
        return ordered;
    }

    /** How many resources of each type a template has, by type. */
    static Map<String, Integer> resourceCounts(JsonNode template) {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode resource : template.path("Resources")) {
            counts.merge(resource.path("Type").asText("null"), 1, Integer::sum);
        }
        return counts;
    }
}

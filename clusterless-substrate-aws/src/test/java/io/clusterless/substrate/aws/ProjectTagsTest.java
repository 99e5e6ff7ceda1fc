package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterless.substrate.aws.synth.ProjectInput;
import io.clusterless.substrate.aws.synth.SynthOptions;
import io.clusterless.substrate.aws.synth.SynthResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code cls:project:*} tags of each stack, and what adding them costs in jsii round trips. */
class ProjectTagsTest {
    private static final Path COPY_CHAIN = Projects.EXAMPLES.resolve("copy-chain/project.json");

    /**
     * One project's stacks carry the same three tags: added once on the App (a {@code Tags.of} and an {@code add}
     * per tag), not per stack (four round trips each).
     */
    @Test
    void oneProjectsTagsAreAddedOnceForAllItsStacks() {
        List<JsonNode> requests = JsiiRequests.during(() -> Projects.synth(COPY_CHAIN));
        long stacks = count(requests, "create", "aws-cdk-lib.Stack");
        assertThat(stacks).as("the boundary's stack and three arc stacks").isEqualTo(4);
        assertThat(count(requests, "sinvoke", "aws-cdk-lib.Tags")).as("Tags.of calls").isEqualTo(1);
        assertThat(requests.stream().filter(r -> r.path("api").asText().equals("invoke")
                && r.path("method").asText().equals("add")).count()).as("tags added").isEqualTo(3);
    }

    /** Each stack, in manifest.json, carries its own project's tags, also when the App holds two projects. */
    @Test
    void stacksOfTwoProjectsInOneAppKeepTheirOwnProjectsTags() throws IOException {
        // the CLI refuses files of different projects in one synth; the synthesizer takes them
        List<ProjectInput> inputs = new ArrayList<>(Projects.load(COPY_CHAIN));
        inputs.addAll(Projects.load(Projects.EXAMPLES.resolve("others/log-export.json")));
        SynthResult result = Projects.synth(inputs, SynthOptions.defaults(Projects.lambdaJar()));

        Map<String, Map<String, String>> tags = stackTags(result.outdir());
        assertThat(tags).hasSizeGreaterThan(4);
        tags.forEach((stack, stackTags) -> {
            Map<String, String> expected = stack.startsWith("DEV-copy-chain-")
                    ? Map.of("cls:project:name", "copy-chain", "cls:project:version", "20230101-00",
                    "cls:project:stage", "DEV")
                    : Map.of("cls:project:name", "log-export", "cls:project:version", "20230601",
                    "cls:project:stage", "PROD");
            assertThat(stackTags).as(stack).isEqualTo(expected);
        });
        assertThat(tags.keySet()).anyMatch(stack -> stack.startsWith("PROD-log-export-"));
        for (String stack : tags.keySet()) { // and each of its resources, through the tag aspect
            String template = Files.readString(result.outdir().resolve(stack + ".template.json"));
            assertThat(template).as(stack).contains("\"Value\": \"" + tags.get(stack).get("cls:project:name") + "\"")
                    .doesNotContain("\"Value\": \"" + (stack.startsWith("DEV-") ? "log-export" : "copy-chain") + "\"");
        }
    }

    private static long count(List<JsonNode> requests, String api, String fqn) {
        return requests.stream().filter(r -> r.path("api").asText().equals(api)
                && r.path("fqn").asText().equals(fqn)).count();
    }

    /** Each stack artifact's tags in the assembly's manifest.json. */
    private static Map<String, Map<String, String>> stackTags(Path outdir) throws IOException {
        JsonNode artifacts = new ObjectMapper().readTree(outdir.resolve("manifest.json").toFile()).path("artifacts");
        Map<String, Map<String, String>> tags = new TreeMap<>();
        artifacts.fields().forEachRemaining(artifact -> {
            if (artifact.getValue().path("type").asText().equals("aws:cloudformation:stack")) {
                Map<String, String> stackTags = new TreeMap<>();
                artifact.getValue().path("properties").path("tags").fields()
                        .forEachRemaining(tag -> stackTags.put(tag.getKey(), tag.getValue().asText()));
                tags.put(artifact.getKey(), stackTags);
            }
        });
        return tags;
    }
}

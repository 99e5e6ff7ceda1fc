package io.clusterless.substrate.aws.deploys;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.metadata.DeployRecord;
import io.clusterless.engine.metadata.TemplateDigest;
import io.clusterless.json.Json;
import io.clusterless.substrate.aws.synth.AwsSynthesizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The stacks of a synthesized cloud assembly (its {@code manifest.json}), each with the project it was
 * synthesized for and the digest of its template: what a deploy record lists (ADR-0009).
 */
public final class AssemblyStacks {
    /** One stack artifact; {@code templateFile} is where its synthesized template is. */
    public record AssemblyStack(String name, String account, String region, String projectName,
                                String projectVersion, String templateSha256, Path templateFile) {
        public DeployRecord.Stack toRecord() {
            return new DeployRecord.Stack(name, region, templateSha256);
        }
    }

    private AssemblyStacks() {
    }

    public static List<AssemblyStack> read(Path assembly) {
        List<AssemblyStack> stacks = new ArrayList<>();
        try {
            JsonNode manifest = Json.records().readTree(assembly.resolve("manifest.json").toFile());
            Iterator<Map.Entry<String, JsonNode>> artifacts = manifest.path("artifacts").fields();
            while (artifacts.hasNext()) {
                Map.Entry<String, JsonNode> artifact = artifacts.next();
                JsonNode value = artifact.getValue();
                if (!"aws:cloudformation:stack".equals(value.path("type").asText())) {
                    continue;
                }
                JsonNode properties = value.path("properties");
                String name = properties.path("stackName").asText(artifact.getKey());
                // aws://ACCOUNT/REGION
                String[] environment = value.path("environment").asText("aws:///").substring("aws://".length())
                        .split("/", -1);
                JsonNode tags = properties.path("tags");
                Path templateFile = assembly.resolve(properties.path("templateFile").asText());
                String template = Files.readString(templateFile, StandardCharsets.UTF_8);
                JsonNode project = declaredProject(value.path("metadata"));
                if (project == null && value.hasNonNull("additionalMetadataFile")) {
                    // newer CDK versions move a stack's metadata out of the manifest into a file of its own
                    project = declaredProject(Json.records().readTree(assembly.resolve(
                            value.path("additionalMetadataFile").asText()).toFile()));
                }
                stacks.add(new AssemblyStack(name, environment[0], environment.length > 1 ? environment[1] : "",
                        project == null ? null : project.path("name").asText(null),
                        project == null ? tags.path("cls:project:version").asText(null)
                                : project.path("version").asText(null),
                        TemplateDigest.of(template), templateFile));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cloud assembly in " + assembly, e);
        }
        return stacks;
    }

    /**
     * The project as declared, from the stack's {@code cls:project} metadata entry: the {@code cls:project:name}
     * tag holds the hyphenated name, as the original's does. Null for a stack synthesized without tags.
     */
    private static JsonNode declaredProject(JsonNode metadata) {
        for (JsonNode entries : metadata) {
            for (JsonNode entry : entries) {
                if (AwsSynthesizer.PROJECT_METADATA.equals(entry.path("type").asText())) {
                    return entry.path("data");
                }
            }
        }
        return null;
    }
}

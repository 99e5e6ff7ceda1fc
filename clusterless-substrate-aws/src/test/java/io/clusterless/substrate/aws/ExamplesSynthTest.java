package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.substrate.aws.synth.SynthOptions;
import io.clusterless.substrate.aws.synth.SynthResult;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example project synthesizes offline (no context look-up), passes cdk-nag's AwsSolutions pack and has no custom resource. */
class ExamplesSynthTest {
    static Stream<List<Path>> examples() {
        return Projects.examples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void example_synthesizesWithoutNagErrorsOrCustomResources(List<Path> files) throws IOException {
        SynthResult result = Projects.synth(Projects.load(files.toArray(Path[]::new)), SynthOptions.defaults(Projects.lambdaJar()).withNag(true));

        assertThat(result.stacks()).isNotEmpty();
        // a look-up (VPC, availability zones...) would leave "missing" context for the CDK CLI to fetch with credentials
        JsonNode manifest = Json.records().readTree(result.outdir().resolve("manifest.json").toFile());
        assertThat(manifest.has("missing")).as("context look-ups in %s", manifest.path("missing")).isFalse();
        assertThat(result.findings()).as("cdk-nag findings").filteredOn(f -> f.level().equals("error")).isEmpty();
        for (SynthResult.StackReport stack : result.stacks()) {
            assertThat(stack.resourceCounts().keySet()).as(stack.name())
                    .noneMatch(type -> type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource"));
            JsonNode template = Json.records().readTree(result.outdir().resolve(stack.templateFile()).toFile());
            template.path("Resources").forEach(resource -> {
                if (resource.path("Type").asText().equals("AWS::S3::Bucket")) {
                    JsonNode props = resource.path("Properties");
                    assertThat(props.path("BucketEncryption").isMissingNode()).as("encrypted bucket").isFalse();
                    assertThat(props.path("PublicAccessBlockConfiguration").path("BlockPublicAcls").asBoolean()).isTrue();
                    assertThat(props.path("PublicAccessBlockConfiguration").path("RestrictPublicBuckets").asBoolean()).isTrue();
                }
            });
        }
        // the stacks are read from the assembly's files: as the CDK reads them
        List<CloudFormationStackArtifact> cdkStacks = new CloudAssembly(result.outdir().toString()).getStacks();
        assertThat(result.stacks()).extracting(SynthResult.StackReport::name)
                .containsExactlyElementsOf(cdkStacks.stream().map(CloudFormationStackArtifact::getStackName).toList());
        assertThat(result.stacks()).extracting(SynthResult.StackReport::templateFile)
                .containsExactlyElementsOf(cdkStacks.stream().map(CloudFormationStackArtifact::getTemplateFile).toList());
        for (int i = 0; i < cdkStacks.size(); i++) {
            Map<String, Integer> counts = new TreeMap<>();
            ((Map<?, ?>) ((Map<?, ?>) cdkStacks.get(i).getTemplate()).get("Resources")).values()
                    .forEach(resource -> counts.merge(String.valueOf(((Map<?, ?>) resource).get("Type")), 1, Integer::sum));
            assertThat(result.stacks().get(i).resourceCounts()).isEqualTo(counts);
        }
        // the CDK's creation stack traces would name only aws-cdk-lib's, jsii's and node's frames, never a project file
        try (Stream<Path> written = Files.list(result.outdir())) {
            for (Path file : written.filter(f -> f.toString().endsWith(".json")).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("aws:cdk:creationStack");
            }
        }
        System.out.println(files + ": " + result.timings() + "; notes " + result.notes() + "; warnings "
                + result.findings().stream().map(f -> f.rule() + " " + f.path() + " " + f.message()).toList());
    }
}

package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.substrate.aws.synth.ProjectInput;
import io.clusterless.substrate.aws.synth.SynthException;
import io.clusterless.substrate.aws.synth.SynthOptions;
import io.clusterless.substrate.aws.synth.SynthResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the exclusion options and the {@code exclude} flag leave out, and the synth failures users can fix. */
class ExclusionsTest {
    private static final Path FIXTURE = Synthesized.resource("projects/all-components.json");
    private static final String GROUPED = ProjectStacksTest.GROUPED;

    private static SynthResult synth(SynthOptions options) {
        return Projects.synth(Projects.load(FIXTURE), options);
    }

    private static SynthOptions options(boolean excludeAllTags, Set<String> excludeArcs, boolean excludeAllArcs,
                                        Set<String> onlyResources, boolean removeAll) {
        return new SynthOptions(Projects.lambdaJar(), excludeAllTags, excludeArcs, excludeAllArcs, onlyResources,
                removeAll, false, true);
    }

    private static List<String> names(SynthResult result) {
        return result.stacks().stream().map(SynthResult.StackReport::name).toList();
    }

    @Test
    void excludeArc_dropsThatArcsStackOnly() {
        SynthResult result = synth(options(false, Set.of("convert", "addPartitions"), false, Set.of(), false));

        assertThat(names(result)).containsExactlyInAnyOrder(GROUPED, "DEV-s3-simple-arc-copy-a-20230101-00-us-west-2");
    }

    @Test
    void excludeAllArcs_keepsTheGroupedStackWhole() {
        SynthResult result = synth(options(false, Set.of(), true, Set.of(), false));

        assertThat(names(result)).containsExactly(GROUPED);
        assertThat(result.stacks().get(0).resourceCounts()).containsKeys("AWS::Events::Rule", "AWS::SQS::Queue");
    }

    @Test
    void onlyResource_keepsThatResourceAndNothingElse() {
        SynthResult result = synth(options(false, Set.of(), false, Set.of("database"), false));

        assertThat(names(result)).containsExactly(GROUPED);
        assertThat(result.stacks().get(0).resourceCounts()).containsOnlyKeys("AWS::Glue::Database");
    }

    @Test
    void excludeAllTags_tagsNothing() {
        SynthResult result = synth(options(true, Set.of(), false, Set.of(), false));

        for (SynthResult.StackReport stack : result.stacks()) {
            assertThat(Synthesized.of(result).json(stack.name()).toString()).as(stack.name())
                    .doesNotContain("cls:project:").doesNotContain("\"Key\":\"team\"");
        }
    }

    @Test
    void removeAllOnDestroy_deletesEveryBucketDatabaseAndTableWithTheStack() {
        SynthResult result = synth(options(false, Set.of(), true, Set.of(), true));

        Synthesized.of(result).json(GROUPED).path("Resources").forEach(resource -> {
            String type = resource.path("Type").asText();
            if (type.equals("AWS::S3::Bucket") || type.startsWith("AWS::Glue::")) {
                assertThat(resource.path("DeletionPolicy").asText()).as(type).isEqualTo("Delete");
            }
        });
    }

    @Test
    void withoutSnapStart_rulesAndStateMachinesInvokeTheFunctionItself() {
        // moto's CloudFormation cannot resolve Lambda versions: -D aws.lambda.snapStart=false deploys there
        SynthResult result = Projects.synth(Projects.load(FIXTURE),
                SynthOptions.defaults(Projects.lambdaJar()).withSnapStart(false));

        for (SynthResult.StackReport stack : result.stacks()) {
            assertThat(stack.resourceCounts()).as(stack.name()).doesNotContainKey("AWS::Lambda::Version");
            assertThat(Synthesized.of(result).json(stack.name()).toString()).doesNotContain("\"SnapStart\":");
        }
    }

    @Test
    void excludeFlag_leavesTheComponentOut() {
        List<ProjectInput> inputs = Projects.loadText("excluded", """
                {"project": {"name": "Excluded", "version": "1"},
                 "placement": {"provider": "aws", "account": "123456789012", "region": "us-east-1"},
                 "resources": [{"type": "aws:core:s3Bucket", "name": "b", "bucketName": "excluded-bucket-123"},
                               {"type": "aws:core:eventBus", "name": "bus", "eventBusName": "gone", "exclude": true}],
                 "boundaries": [{"type": "aws:core:s3PutListenerBoundary", "name": "in", "lotUnit": "Twelfths",
                   "dataset": {"name": "in", "version": "1", "pathURI": "s3://excluded-bucket-123/in/"}}],
                 "arcs": [{"type": "aws:core:s3CopyArc", "name": "copy", "exclude": true,
                   "sources": {"main": {"name": "in", "version": "1"}},
                   "sinks": {"main": {"name": "out", "version": "1", "pathURI": "s3://excluded-bucket-123/out/"}}}]}
                """);

        SynthResult result = Projects.synth(inputs, SynthOptions.defaults(Projects.lambdaJar()));

        // no stage: the stage drops out of every name with its separator
        assertThat(names(result)).containsExactly("excluded-resource-activity-boundary-1-us-east-1");
        assertThat(result.stacks().get(0).resourceCounts()).doesNotContainKey("AWS::Events::EventBus");
    }

    @Test
    void withoutImageAssets_theBatchArcNamesAnUnpushedImage_andBuildsNoDockerAsset() throws IOException {
        String stack = "DEV-s3-simple-arc-convert-20230101-00-us-west-2";
        SynthResult pushed = synth(options(false, Set.of(), false, Set.of(), false));
        SynthResult left = synth(options(false, Set.of(), false, Set.of(), false).withImageAssets(false));

        assertThat(dockerImages(pushed, stack)).isPositive();
        assertThat(dockerImages(left, stack)).isZero();
        JsonNode definition = Synthesized.of(left).single(stack, "AWS::Batch::JobDefinition");
        assertThat(definition.at("/Properties/ContainerProperties/Image").asText())
                .startsWith("cls-image-not-pushed/dev-s3-simple-convert");
        // no image, no registry to read: the execution role keeps only its log permissions
        assertThat(Synthesized.of(left).json(stack).toString()).doesNotContain("ecr:");
    }

    private static int dockerImages(SynthResult result, String stack) throws IOException {
        return Json.records().readTree(result.outdir().resolve(stack + ".assets.json").toFile())
                .path("dockerImages").size();
    }

    @Test
    void missingImageDirectory_failsWithTheResolvedPath() throws IOException {
        // validate refuses this first (ImagePathRule); synth keeps its own check for callers that do not validate
        Path file = Files.createTempDirectory("no-image").resolve("no-image.json");
        Files.writeString(file, """
                {"project": {"name": "NoImage", "version": "1"},
                 "placement": {"provider": "aws", "account": "123456789012", "region": "us-east-1"},
                 "resources": [{"type": "aws:core:computeEnvironment", "name": "c", "computeEnvironmentName": "c"}],
                 "boundaries": [{"type": "aws:core:s3PutListenerBoundary", "name": "in", "lotUnit": "Twelfths",
                   "dataset": {"name": "in", "version": "1", "pathURI": "s3://some-bucket-123/in/"}}],
                 "arcs": [{"type": "aws:core:batchExecArc", "name": "run",
                   "sources": {"main": {"name": "in", "version": "1"}},
                   "sinks": {"main": {"name": "out", "version": "1", "pathURI": "s3://some-bucket-123/out/"}},
                   "workload": {"computeEnvironmentRef": "c", "imagePath": "nowhere"}}]}
                """);
        List<ProjectInput> inputs = List.of(new ProjectInput(new ProjectLoader().load(ProjectSource.file(file))
                .deployable(), file.getParent(), file.toString()));

        assertThatThrownBy(() -> Projects.synth(inputs, SynthOptions.defaults(Projects.lambdaJar())))
                .isInstanceOf(SynthException.class)
                .hasMessageContaining("no-image.json: arc 'run': imagePath 'nowhere' is not a directory")
                .hasMessageContaining("nowhere");
    }

    @Test
    void propsLargerThanLambdasEnvironmentLimit_failSynthNamingTheFunction() {
        StringBuilder boundaries = new StringBuilder();
        StringBuilder sources = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            boundaries.append(i == 0 ? "" : ",").append("""
                    {"type": "aws:core:s3PutListenerBoundary", "name": "in%d", "lotUnit": "Twelfths",
                     "dataset": {"name": "incoming-dataset-number-%d", "version": "20230101",
                                 "pathURI": "s3://some-bucket-123/incoming/%d/"}}""".formatted(i, i, i));
            sources.append(i == 0 ? "" : ",").append("""
                    "role%d": {"name": "incoming-dataset-number-%d", "version": "20230101"}""".formatted(i, i));
        }
        List<ProjectInput> inputs = Projects.loadText("wide", """
                {"project": {"name": "Wide", "version": "1"},
                 "placement": {"provider": "aws", "account": "123456789012", "region": "us-east-1"},
                 "boundaries": [%s],
                 "arcs": [{"type": "aws:core:s3CopyArc", "name": "join", "sources": {%s},
                   "sinks": {"main": {"name": "out", "version": "1", "pathURI": "s3://some-bucket-123/out/"}}}]}
                """.formatted(boundaries, sources));

        assertThatThrownBy(() -> Projects.synth(inputs, SynthOptions.defaults(Projects.lambdaJar())))
                .isInstanceOf(SynthException.class)
                .hasMessageStartingWith("function wide-join-")
                .hasMessageContaining("Lambda allows 4096");
    }

    @Test
    void bucketOfAnotherProject_isNotTouched_andTheUserIsTold() {
        List<ProjectInput> inputs = Projects.loadText("foreign", """
                {"project": {"name": "Foreign", "version": "1"},
                 "placement": {"provider": "aws", "account": "123456789012", "region": "us-east-1"},
                 "boundaries": [{"type": "aws:core:s3PutListenerBoundary", "name": "in", "lotUnit": "Twelfths",
                   "eventArrival": "frequent",
                   "dataset": {"name": "in", "version": "1", "pathURI": "s3://someone-elses-bucket/in/"}}]}
                """);

        SynthResult result = Projects.synth(inputs, SynthOptions.defaults(Projects.lambdaJar()));

        assertThat(result.stacks().get(0).resourceCounts()).doesNotContainKey("AWS::S3::Bucket");
        assertThat(result.notes()).singleElement().asString().contains("someone-elses-bucket")
                .contains("Foreign-in-1".toLowerCase());
    }
}

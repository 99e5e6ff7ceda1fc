package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.workload.sagemaker.SageMakerJobName;
import io.clusterless.json.Json;
import io.clusterless.substrate.aws.synth.SynthOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * aws:core:sageMakerProcessingArc (examples/sensor-stats) and aws:core:sageMakerTrainingArc (the training arc of the
 * example's README): the state machine prepares the lot's job with cls's function, runs it with the Step Functions
 * SageMaker integration and waits, and hands any failure of the start to the result step; the job runs with its own
 * role, which is the only one the state machine may pass. cdk-nag and cfn-lint find nothing.
 */
class SageMakerArcStackTest {
    private static final String BUCKET = "dev-cls-sensors-123456789012-us-west-2";
    private static final String PREFIX = SageMakerJobName.arcPrefix("SensorStats", "20230901-00", "stats");

    private static final class Processing {
        static final Synthesized INSTANCE = Synthesized.of(Projects.synth(
                Projects.load(Projects.EXAMPLES.resolve("sensor-stats/project.json")),
                SynthOptions.defaults(Projects.lambdaJar()).withNag(true)));
    }

    private static final class Training {
        static final Synthesized INSTANCE = training();

        private static Synthesized training() {
            try {
                String text = Files.readString(Projects.EXAMPLES.resolve("sensor-stats/project.json"))
                        .replace("aws:core:sageMakerProcessingArc", "aws:core:sageMakerTrainingArc")
                        .replace("\"imagePath\": \"job\",", "\"imageUri\": \"123456789012.dkr.ecr.us-west-2."
                                + "amazonaws.com/sensor-model:3\", \"hyperParameters\": {\"epochs\": \"5\"},")
                        .replace("\"ml.t3.medium\"", "\"ml.m5.large\"");
                return Synthesized.of(Projects.synth(Projects.loadText("training.json", text),
                        SynthOptions.defaults(Projects.lambdaJar()).withNag(true)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void theProcessingJobRunsWithTheSyncIntegrationBetweenClsSteps() {
        JsonNode states = definition(Processing.INSTANCE).path("States");
        JsonNode run = states.path("RunJob");
        // one start per element of the prepare step's jobs: none for a lot without objects
        assertThat(run.path("Type").asText()).isEqualTo("Map");
        assertThat(run.path("ItemsPath").asText()).isEqualTo("$.sageMakerJob.jobs");
        assertThat(run.path("MaxConcurrency").asInt()).isEqualTo(1);
        JsonNode start = start(run);
        assertThat(start.path("Resource").asText()).endsWith(":states:::sagemaker:createProcessingJob.sync");
        assertThat(start.path("End").asBoolean()).isTrue();
        JsonNode parameters = start.path("Parameters");
        assertThat(parameters.path("ProcessingJobName.$").asText()).isEqualTo("$.jobName");
        assertThat(parameters.path("ProcessingInputs.$").asText()).isEqualTo("$.processingInputs");
        assertThat(parameters.path("ProcessingOutputConfig.$").asText()).isEqualTo("$.processingOutputConfig");
        assertThat(parameters.at("/AppSpecification/ContainerEntrypoint").toString())
                .isEqualTo("[\"python3\",\"stats.py\"]");
        assertThat(parameters.at("/AppSpecification/ImageUri").asText()).isNotEmpty();
        assertThat(parameters.at("/ProcessingResources/ClusterConfig").toString()).isEqualTo(
                "{\"InstanceCount\":1,\"InstanceType\":\"ml.t3.medium\",\"VolumeSizeInGB\":5}");
        assertThat(parameters.at("/StoppingCondition/MaxRuntimeInSeconds").asInt()).isEqualTo(900);
        assertThat(parameters.path("Environment").toString()).isEqualTo("{\"VALUE_COLUMN\":\"celsius\","
                + "\"CLS_PROCESSING_INPUT\":\"/opt/ml/processing/input\",\"CLS_PROCESSING_OUTPUT\":"
                + "\"/opt/ml/processing/output\",\"CLS_LOT.$\":\"$.lot\",\"CLS_JOB_NAME.$\":\"$.jobName\"}");
        assertThat(run.path("ResultPath").isNull()).isTrue();
        assertThat(states.at("/PrepareJob/Parameters/attempt.$").asText()).isEqualTo("$.arcAttempt");
        assertThat(states.at("/PrepareJob/ResultPath").asText()).isEqualTo("$.sageMakerJob");
        assertThat(states.at("/PrepareJob/Next").asText()).isEqualTo("RunJob");
        assertThat(run.path("Next").asText()).isEqualTo("JobResult");
        assertThat(states.at("/JobResult/ResultPath").asText()).isEqualTo("$.sinkManifests");
    }

    @Test
    void theImageIsBuiltFromImagePathOnDeploy() throws IOException {
        Path assets = Processing.INSTANCE.result().outdir().resolve(stack(Processing.INSTANCE) + ".assets.json");
        JsonNode images = Json.records().readTree(assets.toFile()).path("dockerImages");
        assertThat(images.size()).isEqualTo(1);
        JsonNode source = images.elements().next().path("source");
        assertThat(source.path("platform").asText()).isEqualTo("linux/amd64");
        assertThat(Files.readString(Processing.INSTANCE.result().outdir().resolve(source.path("directory").asText())
                .resolve("stats.py"))).contains("CLS_PROCESSING_INPUT");
    }

    @Test
    void aFailedOrRefusedStartGoesToTheResultStepWhichWaitsForARunningJob() {
        JsonNode states = definition(Processing.INSTANCE).path("States");
        JsonNode catches = states.at("/RunJob/Catch");
        // first the start's failures to the result step (a duplicate name: that job is waited for), then the arc
        // stack's catch of everything else to the complete gate
        assertThat(catches.get(0).path("ErrorEquals").toString()).isEqualTo("[\"States.TaskFailed\"]");
        assertThat(catches.get(0).path("Next").asText()).isEqualTo("JobResult");
        assertThat(catches.get(0).path("ResultPath").asText()).isEqualTo("$.sageMakerJob.error");
        assertThat(catches.get(1).path("ErrorEquals").toString()).isEqualTo("[\"States.ALL\"]");
        assertThat(catches.get(1).path("ResultPath").asText()).isEqualTo("$.workloadError");
        assertThat(start(states.path("RunJob")).at("/Retry/0/ErrorEquals").toString())
                .isEqualTo("[\"SageMaker.AmazonSageMakerException\"]");
        JsonNode waiting = null;
        for (JsonNode retry : states.at("/JobResult/Retry")) {
            if (retry.path("ErrorEquals").toString().contains("SageMakerJobRunningException")) {
                waiting = retry;
            }
        }
        assertThat(waiting).isNotNull();
        assertThat(waiting.path("IntervalSeconds").asInt()).isEqualTo(60);
        assertThat(waiting.path("MaxAttempts").asInt()).isEqualTo(15 + 10);
        assertThat(states.at("/JobResult/Catch/0/ErrorEquals").toString()).isEqualTo("[\"States.ALL\"]");
    }

    @Test
    void theTrainingJobReadsChannelsAndWritesTheModelIntoTheSinksLotFolder() {
        JsonNode run = start(definition(Training.INSTANCE).at("/States/RunJob"));
        assertThat(run.path("Resource").asText()).endsWith(":states:::sagemaker:createTrainingJob.sync");
        JsonNode parameters = run.path("Parameters");
        assertThat(parameters.path("TrainingJobName.$").asText()).isEqualTo("$.jobName");
        assertThat(parameters.path("InputDataConfig.$").asText()).isEqualTo("$.inputDataConfig");
        assertThat(parameters.path("OutputDataConfig.$").asText()).isEqualTo("$.outputDataConfig");
        assertThat(parameters.at("/AlgorithmSpecification/TrainingImage").asText())
                .isEqualTo("123456789012.dkr.ecr.us-west-2.amazonaws.com/sensor-model:3");
        assertThat(parameters.path("HyperParameters").toString()).isEqualTo("{\"epochs\":\"5\"}");
        assertThat(parameters.path("ResourceConfig").toString()).isEqualTo(
                "{\"InstanceCount\":1,\"InstanceType\":\"ml.m5.large\",\"VolumeSizeInGB\":5}");
        assertThat(parameters.path("Environment").toString()).contains("\"SM_CHANNEL_MAIN\":\"/opt/ml/input/data/main\"")
                .contains("\"SM_MODEL_DIR\":\"/opt/ml/model\"");
    }

    @Test
    void theStateMachineStartsOnlyTheArcsJobsAndPassesOnlyTheJobRole() {
        for (Synthesized synthesized : List.of(Processing.INSTANCE, Training.INSTANCE)) {
            String kind = synthesized == Processing.INSTANCE ? "Processing" : "Training";
            List<JsonNode> statements = statements(synthesized, "\\w+Orchestration\\w+RoleDefaultPolicy");
            String all = statements.toString();
            JsonNode sageMaker = statements.stream().filter(s -> s.path("Action").toString()
                    .contains("sagemaker:Create" + kind + "Job")).findFirst().orElseThrow();
            assertThat(sageMaker.path("Resource").toString()).contains(":" + kind.toLowerCase() + "-job/" + PREFIX
                    + "-*");
            JsonNode pass = statements.stream().filter(s -> s.path("Action").asText().equals("iam:PassRole"))
                    .findFirst().orElseThrow();
            assertThat(pass.at("/Resource/Fn::GetAtt/0").asText()).startsWith("JobRole");
            assertThat(pass.at("/Condition/StringEquals/iam:PassedToService").asText())
                    .isEqualTo("sagemaker.amazonaws.com");
            assertThat(all).contains("StepFunctionsGetEventsForSageMaker" + kind + "JobsRule")
                    .doesNotContain("\"sagemaker:*\"").doesNotContain("aws-sdk");
            assertThat(statements).filteredOn(s -> s.path("Action").toString().contains("iam:PassRole"))
                    .hasSize(1);
        }
    }

    @Test
    void theJobRoleReadsTheSourceAndInputFilesAndWritesOnlyTheSink() {
        List<JsonNode> statements = statements(Processing.INSTANCE, "JobRoleDefaultPolicy");
        List<String> writes = new ArrayList<>();
        statements.stream().filter(s -> s.path("Action").toString().contains("s3:PutObject"))
                .forEach(s -> writes.add(s.path("Resource").toString()));
        assertThat(writes).singleElement().asString().contains(BUCKET + "/stats/*");
        String all = statements.toString();
        assertThat(all).contains(BUCKET + "/readings/*")
                .contains("sagemaker-inputs/project=SensorStats/version=20230901-00/arc=stats/*")
                .contains("ecr:BatchGetImage").contains("/aws/sagemaker/ProcessingJobs:*")
                .doesNotContain("s3:DeleteObject");
    }

    @Test
    void nagFindsNoErrorAndCfnLintNoError() throws Exception {
        for (Synthesized synthesized : List.of(Processing.INSTANCE, Training.INSTANCE)) {
            assertThat(synthesized.result().findings()).filteredOn(f -> f.level().equals("error")).isEmpty();
            synthesized.assertCfnLintPasses(stack(synthesized));
        }
    }

    /** The Map's one inner task, which starts the job and waits. */
    private static JsonNode start(JsonNode run) {
        assertThat(run.at("/ItemProcessor/StartAt").asText()).isEqualTo("StartJob");
        assertThat(run.at("/ItemProcessor/ProcessorConfig/Mode").asText()).isEqualTo("INLINE");
        return run.at("/ItemProcessor/States/StartJob");
    }

    private static String stack(Synthesized synthesized) {
        return synthesized.stackNamed("-arc-stats-");
    }

    private static JsonNode definition(Synthesized synthesized) {
        return synthesized.stateMachineDefinition(stack(synthesized));
    }

    private static List<JsonNode> statements(Synthesized synthesized, String policyPrefix) {
        return synthesized.policyStatements(stack(synthesized), policyPrefix);
    }
}

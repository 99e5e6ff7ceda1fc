package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.substrate.aws.synth.SynthOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * aws:core:glueJobArc (examples/glue-features): the script is an asset, the Glue job sits in the arc's stack with
 * the settings Glue takes for a pythonshell job and no retries, the state machine clears the lot's folder with cls's
 * function, runs the job with glue:startJobRun.sync passing the lot's context, and lists the result; the job's role
 * reads the sources and writes only under the sink. cdk-nag and cfn-lint find nothing.
 */
class GlueJobArcStackTest {
    private static final String BUCKET = "dev-cls-glue-features-123456789012-us-west-2";

    private static final class Synth {
        static final Synthesized INSTANCE = Synthesized.of(Projects.synth(
                Projects.load(Projects.EXAMPLES.resolve("glue-features/project.json")),
                SynthOptions.defaults(Projects.lambdaJar()).withNag(true)));
    }

    private final Synthesized synthesized = Synth.INSTANCE;

    private String stack() {
        return synthesized.stackNamed("arc-features");
    }

    @Test
    void theJobRunsTheScriptAssetAsAPythonShellJobThatGlueNeverRetries() {
        JsonNode job = resources("AWS::Glue::Job").get(0).path("Properties");
        assertThat(job.path("Name").asText()).isEqualTo("DEV-glue-features-features-20230101-00");
        assertThat(job.at("/Command/Name").asText()).isEqualTo("pythonshell");
        assertThat(job.at("/Command/PythonVersion").asText()).isEqualTo("3.9");
        assertThat(job.at("/Command/ScriptLocation").toString()).contains(".py");
        assertThat(job.path("GlueVersion").asText()).isEqualTo("3.0");
        assertThat(job.path("MaxCapacity").asDouble()).isEqualTo(0.0625);
        assertThat(job.has("WorkerType")).isFalse();
        assertThat(job.path("Timeout").asInt()).isEqualTo(15);
        assertThat(job.path("MaxRetries").asInt()).isZero();
        assertThat(job.at("/ExecutionProperty/MaxConcurrentRuns").asInt()).isEqualTo(10);
        assertThat(job.at("/DefaultArguments/--min-events").asText()).isEqualTo("2");
    }

    @Test
    void theStateMachineRunsTheJobWithTheGlueSyncIntegrationOncePerAttempt() throws IOException {
        JsonNode states = synthesized.stateMachineDefinition(stack()).path("States");
        JsonNode run = states.path("RunJob");
        assertThat(run.path("Resource").asText()).endsWith(":states:::glue:startJobRun.sync");
        JsonNode arguments = run.at("/Parameters/Arguments");
        assertThat(arguments.path("--cls-lot.$").asText()).isEqualTo("$.arcWorkloadContext.arcNotifyEvent.lot");
        assertThat(arguments.path("--cls-source-role.$").asText()).isEqualTo("$.arcWorkloadContext.role");
        assertThat(arguments.path("--cls-source-manifest.$").asText())
                .isEqualTo("$.arcWorkloadContext.arcNotifyEvent.manifest");
        assertThat(arguments.path("--cls-attempt.$").asText()).isEqualTo("$$.Execution.Name");
        assertThat(arguments.path("--cls-sink-main.$").asText()).isEqualTo("States.Format('s3://" + BUCKET
                + "/features/lot={}/', $.arcWorkloadContext.arcNotifyEvent.lot)");
        // the same JSON as the function's CLS_ARC_PROPS_JSON
        JsonNode props = Json.records().readTree(arguments.path("--cls-arc-props").asText());
        assertThat(props.at("/sinks/main/pathURI").asText()).isEqualTo("s3://" + BUCKET + "/features/");
        assertThat(arguments.path("--cls-arc-props").asText()).isEqualTo(functionProps());
        // one job run per execution: Step Functions starts again only when Glue refused to start one
        assertThat(run.path("Retry")).as("%s", run).singleElement().satisfies(retry ->
                assertThat(retry.path("ErrorEquals").toString()).isEqualTo("[\"Glue.ConcurrentRunsExceededException\"]"));
        assertThat(states.path("PrepareJob").path("Next").asText()).isEqualTo("RunJob");
        assertThat(states.path("PrepareJob").at("/Parameters/step").asText()).isEqualTo("prepare");
        assertThat(run.path("Next").asText()).isEqualTo("JobResult");
        assertThat(states.path("JobResult").at("/Parameters/step").asText()).isEqualTo("result");
        assertThat(states.path("JobResult").path("ResultPath").asText()).isEqualTo("$.sinkManifests");
        // a failed run goes to the complete gate with its error, which cls gaps shows
        assertThat(run.path("Catch").get(0).path("ResultPath").asText()).isEqualTo("$.workloadError");
    }

    @Test
    void theJobRoleReadsTheSourcesAndScriptAndWritesOnlyUnderTheSink() {
        List<String> granted = statements("JobRole");
        String all = String.join("\n", granted);
        assertThat(all).contains("s3:GetObject").contains(BUCKET + "/events/*").contains(BUCKET + "/features/*")
                .contains("datasets/name=click-events/version=20230101/*").contains("/aws-glue/*");
        granted.stream().filter(line -> line.contains("s3:PutObject") || line.contains("s3:DeleteObject"))
                .forEach(line -> assertThat(line).contains(BUCKET + "/features/*")
                        .doesNotContain("events/").doesNotContain("datasets/"));
        // the only resource '*' is PutMetricData, held to Glue's namespace
        assertThat(granted).filteredOn(line -> line.endsWith(" \"*\"")).singleElement().asString()
                .startsWith("\"cloudwatch:PutMetricData\"");
        // the state machine may run this job only
        assertThat(String.join("\n", statements("\\w+Orchestration\\w+Role"))).contains("glue:StartJobRun")
                .contains(":job/\",{\"Ref\":\"Job\"}");
    }

    @Test
    void nagFindsNoErrorAndCfnLintNoError() throws Exception {
        assertThat(synthesized.result().findings()).filteredOn(f -> f.level().equals("error")).isEmpty();
        synthesized.assertCfnLintPasses(stack());
    }

    private String functionProps() {
        return synthesized.functionsWithHandler(stack(), "GlueJobHandler").stream()
                .findFirst().orElseThrow().at("/Properties/Environment/Variables/CLS_ARC_PROPS_JSON").asText();
    }

    /** "actions" resources, one line per statement of the policies whose logical id starts with {@code role}. */
    private List<String> statements(String role) {
        return synthesized.policyStatements(stack(), role).stream()
                .map(statement -> statement.path("Action").toString() + " " + statement.path("Resource")).toList();
    }

    private List<JsonNode> resources(String type) {
        return synthesized.resources(stack(), type);
    }
}

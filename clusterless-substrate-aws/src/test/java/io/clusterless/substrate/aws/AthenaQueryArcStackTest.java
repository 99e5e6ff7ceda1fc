package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.substrate.aws.synth.SynthOptions;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * aws:core:athenaQueryArc (examples/clicks-parquet): the state machine prepares the lot's UNLOAD with cls's function,
 * runs it with the Step Functions Athena integration and waits, then lists the result; its role may read the source
 * table and write only under the sink and the query results prefix. cdk-nag and cfn-lint find nothing.
 */
class AthenaQueryArcStackTest {
    private static final String BUCKET = "dev-cls-clicks-123456789012-us-west-2";
    private static final String MANIFESTS = "dev-clusterless-manifest-123456789012-us-west-2";

    private static final class Synth {
        static final Synthesized INSTANCE = Synthesized.of(Projects.synth(
                Projects.load(Projects.EXAMPLES.resolve("clicks-parquet/project.json")),
                SynthOptions.defaults(Projects.lambdaJar()).withNag(true)));
    }

    private final Synthesized synthesized = Synth.INSTANCE;

    private String stack() {
        return synthesized.stackNamed("to-parquet");
    }

    @Test
    void theStateMachineRunsTheQueryWithTheAthenaSyncIntegrationBetweenClsSteps() throws IOException {
        JsonNode definition = definition();
        JsonNode states = definition.path("States");
        JsonNode run = states.path("RunQuery");
        assertThat(run.path("Resource").asText()).endsWith(":states:::athena:startQueryExecution.sync");
        assertThat(run.path("Parameters").path("QueryString.$").asText()).isEqualTo("$.athenaQuery.statement");
        assertThat(run.path("Parameters").path("WorkGroup").asText()).isEqualTo("primary");
        assertThat(run.path("Parameters").at("/QueryExecutionContext/Database").asText()).isEqualTo("clicks_raw");
        assertThat(run.path("Parameters").at("/ResultConfiguration/OutputLocation").asText()).isEqualTo("s3://"
                + MANIFESTS + "/athena-results/project=Clicks/version=20230801-00/arc=toParquet/");
        assertThat(run.path("Resource").asText()).isNotEmpty();
        assertThat(run.path("Next").asText()).isEqualTo("QueryResult");
        assertThat(states.path("PrepareQuery").path("Next").asText()).isEqualTo("RunQuery");
        assertThat(states.path("PrepareQuery").at("/Parameters/step").asText())
                .as("%s", states.path("PrepareQuery")).isEqualTo("prepare");
        assertThat(states.path("QueryResult").at("/Parameters/step").asText()).isEqualTo("result");
        assertThat(states.path("QueryResult").path("Next").asText()).isEqualTo("CompleteInvoke");
        // a failed query goes to the complete gate with its error, as every workload task's does
        assertThat(run.path("Catch").get(0).path("ResultPath").asText()).isEqualTo("$.workloadError");
    }

    @Test
    void athenasScannedBytesReachTheCompleteGate_whichRecordsTheRunsEnd() {
        JsonNode states = definition().path("States");
        JsonNode run = states.path("RunQuery");
        // the .sync task's output is GetQueryExecution's: its Statistics hold DataScannedInBytes
        assertThat(run.at("/ResultSelector/QueryExecution/Statistics.$").asText())
                .isEqualTo("$.QueryExecution.Statistics");
        assertThat(run.path("ResultPath").asText()).isEqualTo("$.athenaResult");
        JsonNode result = states.path("QueryResult");
        // QueryResult gets the whole document (athenaResult in it) and its answer, the document with sinkManifests
        // and workloadMetrics.athenaScannedBytes, replaces the state: no ResultPath, no ResultSelector, no OutputPath
        assertThat(result.at("/Parameters/state.$").asText()).isEqualTo("$");
        assertThat(result.has("ResultPath") || result.has("ResultSelector") || result.has("OutputPath"))
                .as("%s", result).isFalse();
        assertThat(result.path("Next").asText()).isEqualTo("CompleteInvoke");
        // the complete gate (which writes the end record) is given the whole document as it is
        JsonNode complete = states.path("CompleteInvoke");
        assertThat(complete.has("Parameters") || complete.has("InputPath")).as("%s", complete).isFalse();
        assertThat(complete.path("Next").asText()).isEqualTo("StateComplete");
    }

    @Test
    void theFunctionCarriesTheQueryAndTheSourceTableInItsArcProps() throws IOException {
        Template template = synthesized.template(stack());
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "io.clusterless.runtime.workload.athena.AthenaQueryHandler")));
        JsonNode function = functions().get(0);
        JsonNode props = Json.records().readTree(function.at("/Properties/Environment/Variables/CLS_ARC_PROPS_JSON")
                .asText());
        assertThat(props.at("/workloadProps/query").asText()).contains("${source.main.lotPredicate}");
        assertThat(props.at("/workloadProps/tables/main/location").asText()).isEqualTo("s3://" + BUCKET + "/csv/");
        assertThat(props.at("/workloadProps/partitionBy/0").asText()).isEqualTo("day");
    }

    @Test
    void theQueryRoleReadsTheTableAndWritesOnlyUnderTheSinkAndResults() throws IOException {
        List<String> granted = new ArrayList<>();
        JsonNode resources = synthesized.json(stack()).path("Resources");
        resources.fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals("AWS::IAM::Policy")
                    && entry.getKey().matches("\\w+Orchestration\\w+RoleDefaultPolicy\\w+")) {
                entry.getValue().at("/Properties/PolicyDocument/Statement").forEach(statement -> {
                    if (statement.path("Action").toString().matches(".*(s3|glue|athena):.*")) {
                        granted.add(statement.path("Action").toString() + " " + Json.records().valueToTree(
                                statement.path("Resource")).toString());
                    }
                });
            }
        });
        String all = String.join("\n", granted);
        // not the Step Functions Athena task's own grants: s3 on every bucket, Glue writes on the whole database
        assertThat(granted).noneMatch(line -> line.endsWith(" \"*\"") || line.contains("CreateBucket")
                || line.contains("glue:Create") || line.contains("glue:Delete") || line.contains("clicks_raw/*"));
        assertThat(all).contains("\"s3:PutObject\"").contains(BUCKET + "/parquet/clicks/*")
                .contains(BUCKET + "/csv/*").contains("athena-results/project=Clicks/version=20230801-00/arc=toParquet/*")
                .contains("table/clicks_raw/clicks");
        // nothing writes the source table's location
        granted.stream().filter(line -> line.contains("s3:PutObject") || line.contains("s3:DeleteObject"))
                .forEach(line -> assertThat(line).doesNotContain(BUCKET + "/csv/"));
    }

    @Test
    void nagFindsNoErrorAndCfnLintNoError() throws Exception {
        assertThat(synthesized.result().findings()).filteredOn(f -> f.level().equals("error")).isEmpty();
        synthesized.assertCfnLintPasses(stack());
    }

    private JsonNode definition() {
        return synthesized.stateMachineDefinition(stack());
    }

    private List<JsonNode> functions() {
        return synthesized.functionsWithHandler(stack(), "Athena");
    }
}

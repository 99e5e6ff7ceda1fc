package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.lot.LotUnit;
import io.clusterless.substrate.aws.synth.SynthOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch roll-ups (ADR-0012, examples/orders-hourly): the state machine's Batch step hands the container the start
 * gate's covered-manifests document as {@code CLS_COVERED_MANIFESTS_URI}; the start gate may write those documents
 * and the job read them, under the arc's own prefix only. The scheduled roll-up {@code ticked} is told the units its
 * ticks cover and fires on an hourly schedule rule. cdk-nag and cfn-lint find nothing.
 */
class BatchRollUpStackTest {
    private static final String HOURLY = "DEV-orders-hourly-arc-hourly-20230101-00-us-west-2";
    private static final String TICKED = "DEV-orders-hourly-arc-ticked-20230101-00-us-west-2";
    private static final String MANIFESTS = "dev-clusterless-manifest-123456789012-us-west-2";

    private static final class Synth {
        static final Synthesized INSTANCE = Synthesized.of(Projects.synth(
                Projects.load(Projects.EXAMPLES.resolve("orders-hourly/project.json")),
                SynthOptions.defaults(Projects.lambdaJar()).withNag(true)));
    }

    private final Synthesized synthesized = Synth.INSTANCE;

    @Test
    void theBatchStepPassesTheCoveredManifestsDocumentToTheContainer() {
        for (String stack : List.of(HOURLY, TICKED)) {
            JsonNode submit = synthesized.stateMachineDefinition(stack).path("States").path("BatchSubmit");
            assertThat(submit.path("InputPath").asText()).isEqualTo("$.arcWorkloadContext");
            JsonNode environment = submit.path("Parameters").path("ContainerOverrides").path("Environment");
            assertThat(environment).as(stack).hasSize(1);
            assertThat(environment.get(0).path("Name").asText()).isEqualTo("CLS_COVERED_MANIFESTS_URI");
            assertThat(environment.get(0).path("Value.$").asText()).isEqualTo("$.coveredManifestsURI");
        }
    }

    @Test
    void theStartGateWritesAndTheJobReadsOnlyTheArcsOwnDocuments() {
        String documents = ":s3:::" + MANIFESTS + "/arc-inputs/project=OrdersHourly/version=20230101-00/arc=hourly/*";
        String start = policies(HOURLY, "StartStartFunction");
        assertThat(start).contains(documents).contains("s3:PutObject");
        assertThat(policies(HOURLY, "JobRole")).contains(documents);
        assertThat(policies(HOURLY, "CompleteCompleteFunction")).doesNotContain("arc-inputs");
        assertThat(policies(TICKED, "JobRole")).contains(documents.replace("arc=hourly", "arc=ticked"))
                .doesNotContain("arc=hourly");
    }

    @Test
    void theScheduledRollUpIsToldTheUnitsItsTicksCover_andTicksHourly() {
        ArcGateProps props = ArcGateProps.fromJson(startGateProps(TICKED));
        assertThat(props.rollUp()).isNull();
        assertThat(props.tickRollUp().lotUnit()).isEqualTo(LotUnit.HOURS);
        assertThat(props.tickRollUp().lateAfter()).isNull();
        assertThat(props.tickRollUp().sourceUnits()).containsExactly(Map.entry("orders", LotUnit.TWELFTHS));
        JsonNode rule = synthesized.single(TICKED, "AWS::Events::Rule").path("Properties");
        assertThat(rule.path("ScheduleExpression").asText()).isEqualTo("cron(0 * * * ? *)");
        assertThat(rule.path("Targets").get(0).path("InputTransformer").path("InputTemplate").asText())
                .isEqualTo("{\"detail\":{\"tick\":<time>}}");
        assertThat(ArcGateProps.fromJson(startGateProps(HOURLY)).rollUp().sourceUnits())
                .containsExactly(Map.entry("orders", LotUnit.TWELFTHS));
    }

    @Test
    void nagFindsNoErrorAndCfnLintNoError() throws Exception {
        assertThat(synthesized.result().findings()).filteredOn(f -> f.level().equals("error")).isEmpty();
        for (String stack : List.of(HOURLY, TICKED)) {
            synthesized.assertCfnLintPasses(stack);
        }
    }

    private String startGateProps(String stack) {
        return synthesized.functionVariable(stack, "-start-", "CLS_ARC_STATE_PROPS_JSON");
    }

    /** The text of the IAM policies whose logical ids start with {@code owner}. */
    private String policies(String stack, String owner) {
        String text = synthesized.policyText(stack, owner);
        assertThat(text).as(owner + " policies in " + stack).isNotEmpty();
        return text;
    }
}

package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.substrate.aws.synth.SynthOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled arcs (ADR-0013, examples/scheduled-report): a schedule rule on the default bus, named as the arc's
 * listener would be, starts the state machine with the tick's time and dead-letters what it cannot deliver; the
 * start gate is told the tick's lot unit and may record the schedule's floor, nothing more; a disabled arc's rule is
 * synthesized disabled. cdk-nag and cfn-lint find nothing.
 */
class ScheduledArcStackTest {
    private static final String PROJECT = "ScheduledReport/20261206-00";
    private static final String REPORT = "DEV-scheduled-report-arc-report-20261206-00-us-west-2";
    private static final String NIGHTLY = "DEV-scheduled-report-arc-nightly-20261206-00-us-west-2";
    private static final String ARC_STATE = "dev-clusterless-arc-state-123456789012-us-west-2";

    private static final class Synth {
        static final Synthesized INSTANCE = Synthesized.of(Projects.synth(
                Projects.load(Projects.EXAMPLES.resolve("scheduled-report/project.json")),
                SynthOptions.defaults(Projects.lambdaJar()).withNag(true)
                        .withDisabledListeners(Map.of(PROJECT, Set.of("nightly")))));
    }

    private final Synthesized synthesized = Synth.INSTANCE;

    @Test
    void aScheduleRuleOnTheDefaultBusStartsTheStateMachineWithTheTickTime() {
        JsonNode rule = synthesized.single(REPORT, "AWS::Events::Rule").path("Properties");
        assertThat(rule.path("ScheduleExpression").asText()).as("rate(5 minutes) on lot boundaries")
                .isEqualTo("cron(0/5 * * * ? *)");
        assertThat(rule.has("EventPattern")).isFalse();
        assertThat(rule.has("EventBusName")).as("schedules live on the default bus").isFalse();
        assertThat(rule.path("Name").asText()).isEqualTo("DEV-scheduled-report-report-20261206-00-rule");
        assertThat(rule.path("State").asText()).isEqualTo("ENABLED");
        JsonNode target = rule.path("Targets").get(0);
        assertThat(target.path("Arn").toString()).contains("Orchestration");
        assertThat(target.path("InputTransformer").path("InputPathsMap").path("time").asText()).isEqualTo("$.time");
        assertThat(target.path("InputTransformer").path("InputTemplate").asText())
                .isEqualTo("{\"detail\":{\"tick\":<time>}}");
        assertThat(target.path("DeadLetterConfig").path("Arn").toString()).contains("DeadLetters");
        assertThat(target.path("RoleArn").isMissingNode()).isFalse();
    }

    @Test
    void aDailyCronIsSynthesizedAsWritten_andADisabledArcsScheduleIsDisabled() {
        JsonNode rule = synthesized.single(NIGHTLY, "AWS::Events::Rule").path("Properties");
        assertThat(rule.path("ScheduleExpression").asText()).isEqualTo("cron(0 2 * * ? *)");
        assertThat(rule.path("State").asText()).isEqualTo("DISABLED");
    }

    @Test
    void onlyTheStartGateIsToldTheLotUnit_andMayWriteOnlyTheScheduleFloorBesideItsState() {
        assertThat(variable(NIGHTLY, "start", "CLS_ARC_TICK_LOT_UNIT")).isEqualTo("Days");
        assertThat(variable(REPORT, "start", "CLS_ARC_TICK_LOT_UNIT")).isEqualTo("Twelfths");
        assertThat(variable(REPORT, "complete", "CLS_ARC_TICK_LOT_UNIT")).isEmpty();
        String policies = policyText(NIGHTLY, "StartStartFunction");
        assertThat(policies).contains(":s3:::" + ARC_STATE
                + "/arc-schedules/project=ScheduledReport/version=20261206-00/arc=nightly/since.json*");
        assertThat(policyText(NIGHTLY, "CompleteCompleteFunction")).doesNotContain("arc-schedules");
    }

    @Test
    void nagFindsNoErrorAndCfnLintNoError() throws Exception {
        assertThat(synthesized.result().findings()).filteredOn(f -> f.level().equals("error")).isEmpty();
        for (String stack : List.of(REPORT, NIGHTLY)) {
            synthesized.assertCfnLintPasses(stack);
        }
    }

    private String variable(String stack, String gate, String name) {
        return synthesized.functionVariable(stack, "-" + gate + "-", name);
    }

    private String policyText(String stack, String prefix) {
        return synthesized.policyText(stack, prefix);
    }
}

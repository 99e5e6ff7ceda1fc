package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.lot.LotUnit;
import io.clusterless.substrate.aws.synth.SynthOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A join (ADR-0011, examples/orders-join): the listener starts the state machine for lots of both sources, the start
 * gate is told which sources to wait for and may read their manifests, and a waiting lot ends the execution. The
 * example's hourly roll-up (ADR-0012) gets its units and a schedule rule for its late ticks.
 */
class JoinArcStackTest {
    private static final String STACK = "DEV-orders-join-arc-join-20230101-00-us-west-2";
    private static final String HOURLY = "DEV-orders-join-arc-hourly-20230101-00-us-west-2";
    private static final String MANIFESTS = "dev-clusterless-manifest-123456789012-us-west-2";

    private static final class Synth {
        static final Synthesized INSTANCE = Synthesized.of(Projects.synth(
                Projects.load(Projects.EXAMPLES.resolve("orders-join/project.json")),
                SynthOptions.defaults(Projects.lambdaJar()).withNag(true)));
    }

    private final Synthesized synthesized = Synth.INSTANCE;

    @Test
    void theListenerMatchesLotsOfBothSources() {
        JsonNode pattern = synthesized.single(STACK, "AWS::Events::Rule").path("Properties").path("EventPattern");
        assertThat(EventRuler.matches(pattern, EventRuler.arcNotify("orders/20230101"))).isTrue();
        assertThat(EventRuler.matches(pattern, EventRuler.arcNotify("payments/20230101"))).isTrue();
        assertThat(EventRuler.matches(pattern, EventRuler.arcNotify("orders-joined/20230101"))).isFalse();
    }

    @Test
    void theStartGateIsToldTheBarrier_andMayReadBothSourcesManifests() {
        ArcGateProps props = ArcGateProps.fromJson(gateProps("start"));
        assertThat(props.barrier()).containsOnlyKeys("orders", "payments");
        assertThat(props.barrier().get("payments")).isEqualTo("s3://" + MANIFESTS
                + "/datasets/name=payments/version=20230101/lot={lot}/state={state}{/attempt*}/manifest.json");
        String policies = policyText();
        for (String source : List.of("orders", "payments")) {
            assertThat(policies).contains(":s3:::" + MANIFESTS + "/datasets/name=" + source + "/version=20230101/*");
        }
    }

    @Test
    void aWaitingLotEndsTheExecutionFirst_beforeTheStateChoices() {
        JsonNode states = synthesized.stateMachineDefinition(STACK).path("States");
        JsonNode first = states.path("StateStart").path("Choices").get(0);
        assertThat(first.path("Variable").asText()).isEqualTo("$.waitingFor");
        assertThat(first.path("IsPresent").asBoolean()).isTrue();
        assertThat(first.path("Next").asText()).isEqualTo("WaitingForSources");
        assertThat(states.path("WaitingForSources").path("Type").asText()).isEqualTo("Succeed");
    }

    @Test
    void theHourlyRollUpIsToldItsUnits_andAScheduleRuleSendsItsStateMachineALateTickEachHour() {
        ArcGateProps props = ArcGateProps.fromJson(gateProps(HOURLY, "hourly", "start"));
        assertThat(props.rollUp().lotUnit()).isEqualTo(LotUnit.HOURS);
        assertThat(props.rollUp().lateAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(props.rollUp().sourceUnits()).containsExactly(Map.entry("joined", LotUnit.TWELFTHS));
        assertThat(props.barrier()).containsOnlyKeys("joined");

        List<JsonNode> rules = new ArrayList<>();
        synthesized.json(HOURLY).path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::Events::Rule")) {
                rules.add(resource.path("Properties"));
            }
        });
        assertThat(rules).hasSize(2);
        JsonNode ticks = rules.stream().filter(rule -> rule.has("ScheduleExpression")).findFirst().orElseThrow();
        assertThat(ticks.path("ScheduleExpression").asText()).isEqualTo("cron(0 * * * ? *)");
        assertThat(ticks.has("EventBusName")).as("schedules fire on the default bus").isFalse();
        // named, so that cls enable|disable switch it with the listener
        assertThat(ticks.path("Name").asText()).isEqualTo("DEV-orders-join-hourly-20230101-00-late");
        JsonNode target = ticks.path("Targets").get(0);
        assertThat(target.path("Arn").toString()).contains("Orchestration");
        assertThat(target.path("DeadLetterConfig").path("Arn").toString()).contains("DeadLetters");
        JsonNode transformer = target.path("InputTransformer");
        assertThat(transformer.path("InputPathsMap").path("time").asText()).isEqualTo("$.time");
        assertThat(transformer.path("InputTemplate").asText()).isEqualTo("{\"detail\":{\"lateTick\":<time>}}");
        assertThat(rules.stream().filter(rule -> rule.has("EventPattern"))).singleElement().satisfies(listener ->
                assertThat(EventRuler.matches(listener.path("EventPattern"),
                        EventRuler.arcNotify("orders-joined/20230101"))).isTrue());
    }

    @Test
    void aJoinHasNoScheduleRule() {
        assertThat(synthesized.json(STACK).path("Resources").findValues("ScheduleExpression")).isEmpty();
    }

    @Test
    void nagFindsNoErrorAndCfnLintNoError_inBothArcStacks() throws Exception {
        assertThat(synthesized.result().findings()).filteredOn(f -> f.level().equals("error")).isEmpty();
        for (String stack : List.of(STACK, HOURLY)) {
            synthesized.assertCfnLintPasses(stack);
        }
    }

    private String gateProps(String gate) {
        return gateProps(STACK, "join", gate);
    }

    private String gateProps(String stack, String arc, String gate) {
        return synthesized.functionVariable(stack, "-" + arc + "-" + gate + "-", "CLS_ARC_STATE_PROPS_JSON");
    }

    private String policyText() {
        return synthesized.policyText(STACK, "StartStartFunction");
    }
}

package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.substrate.aws.synth.SynthOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A join (ADR-0011, examples/orders-join): the listener starts the state machine for lots of both sources, the start
 * gate is told which sources to wait for and may read their manifests, and a waiting lot ends the execution.
 */
class JoinArcStackTest {
    private static final String STACK = "DEV-orders-join-arc-join-20230101-00-us-west-2";
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

    private String gateProps(String gate) {
        List<String> found = new ArrayList<>();
        synthesized.json(STACK).path("Resources").forEach(resource -> {
            JsonNode properties = resource.path("Properties");
            if (resource.path("Type").asText().equals("AWS::Lambda::Function")
                    && properties.path("FunctionName").asText().contains("-join-" + gate + "-")) {
                found.add(properties.path("Environment").path("Variables").path("CLS_ARC_STATE_PROPS_JSON").asText());
            }
        });
        assertThat(found).as("the " + gate + " gate of " + STACK).hasSize(1);
        return found.get(0);
    }

    private String policyText() {
        StringBuilder text = new StringBuilder();
        synthesized.json(STACK).path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals("AWS::IAM::Policy")
                    && entry.getKey().startsWith("StartGate")) {
                text.append(entry.getValue().toString());
            }
        });
        return text.toString();
    }
}

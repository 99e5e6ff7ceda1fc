package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.substrate.aws.synth.SynthOptions;
import io.clusterless.substrate.aws.synth.SynthResult;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR-0004: a deploy synthesizes the listeners the metadata bucket records as disabled with {@code State: DISABLED}
 * and every other rule enabled; without such records (offline synth) every rule is enabled.
 */
class DisabledListenersTest {
    private static final String PROJECT = "S3Simple/20230101-00";

    /** Every AWS::Events::Rule of the assembly: its name → its State. */
    private static Map<String, String> ruleStates(SynthResult result) {
        Synthesized synthesized = Synthesized.of(result);
        Map<String, String> states = new TreeMap<>();
        for (SynthResult.StackReport stack : result.stacks()) {
            for (JsonNode resource : synthesized.json(stack.name()).path("Resources")) {
                if (resource.path("Type").asText().equals("AWS::Events::Rule")) {
                    JsonNode properties = resource.path("Properties");
                    states.put(properties.path("Name").asText(), properties.path("State").asText());
                }
            }
        }
        return states;
    }

    @Test
    void disabledArcAndBoundary_haveDisabledRules_everyOtherRuleStaysEnabled() {
        SynthOptions options = SynthOptions.defaults(Projects.lambdaJar())
                .withDisabledListeners(Map.of(PROJECT, Set.of("copyA", "frequentListener"),
                        // another version of the project: its records do not apply to this one
                        "S3Simple/20230101-01", Set.of("convert", "IngressPutListener")));

        Map<String, String> states = ruleStates(Projects.synth(
                Projects.load(Synthesized.resource("projects/all-components.json")), options));

        assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DEV-s3-simple-copy-a-20230101-00-rule", "DISABLED",
                "DEV-s3-simple-frequent-listener-20230101-00-us-west-2", "DISABLED",
                "DEV-s3-simple-add-partitions-20230101-00-rule", "ENABLED",
                "DEV-s3-simple-convert-20230101-00-rule", "ENABLED",
                "DEV-s3-simple-ingress-put-listener-20230101-00-us-west-2", "ENABLED",
                // an activity's schedule is no listener: enable/disable never touches it
                "DEV-s3-simple-api-logs-20230101-00-us-west-2", "ENABLED"));
    }

    @Test
    void withoutRecords_everyRuleIsEnabled() {
        assertThat(ruleStates(Synthesized.allComponents().result())).isNotEmpty().allSatisfy((name, state) ->
                assertThat(state).as(name).isEqualTo("ENABLED"));
    }

    @Test
    void listenerEnabled_isPerProjectVersionAndComponent() {
        SynthOptions options = SynthOptions.defaults(Projects.lambdaJar())
                .withDisabledListeners(Map.of(PROJECT, Set.of("copyA")));

        assertThat(options.listenerEnabled(PROJECT, "copyA")).isFalse();
        assertThat(options.listenerEnabled(PROJECT, "copyB")).isTrue();
        assertThat(options.listenerEnabled("S3Simple/20230101-01", "copyA")).isTrue();
        // the other withers keep the disabled listeners
        assertThat(options.withNag(true).withSnapStart(false).withDeployedOwners(Map.of())
                .listenerEnabled(PROJECT, "copyA")).isFalse();
    }
}

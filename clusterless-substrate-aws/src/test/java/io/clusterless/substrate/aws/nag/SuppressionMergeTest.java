package io.clusterless.substrate.aws.nag;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules are merged into a cdk_nag entry as cdk-nag merges them: existing first, each rule once. Node merges them
 * (cls's own jsii module, ADR 17), for a resource's entry and the stack's alike: checked here on the stack's.
 */
class SuppressionMergeTest {
    private static final Suppression S1 = Suppression.of("AwsSolutions-S1", "no access logs here");
    private static final Suppression SQS3 = Suppression.of("AwsSolutions-SQS3", "this is the dead-letter queue");

    @Test
    void noEntryYet_holdsTheNewRules_andTheTemplatesOtherMetadataStays() {
        Stack stack = stack(Map.of("other", "kept"));

        Nag.suppressStack(stack, List.of(S1));

        assertThat(metadata(stack)).isEqualTo(Map.of("other", "kept",
                "cdk_nag", Map.of("rules_to_suppress", List.of(S1.metadata()))));
    }

    @Test
    void existingRulesComeFirst_andAnEqualRuleIsNotRepeated() {
        Stack stack = stack(Map.of());
        Nag.suppressStack(stack, List.of(SQS3, S1));

        Nag.suppressStack(stack, List.of(S1, SQS3, S1));

        assertThat(rules(stack)).isEqualTo(List.of(SQS3.metadata(), S1.metadata()));
    }

    @Test
    void sameRuleWithAnotherReasonOrOtherRegexes_isKeptBeside() {
        Suppression other = Suppression.of("AwsSolutions-S1", "another reason, also long");
        Suppression wildcards = new Suppression(Nag.IAM5, "actions without resources", List.of("/^Action::a:\\*$/g"));
        Suppression moreWildcards =
                new Suppression(Nag.IAM5, "actions without resources", List.of("/^Action::b:\\*$/g"));
        Stack stack = stack(Map.of());

        Nag.suppressStack(stack, List.of(S1, wildcards));
        Nag.suppressStack(stack, List.of(other, moreWildcards));

        assertThat(rules(stack)).isEqualTo(List.of(
                S1.metadata(), wildcards.metadata(), other.metadata(), moreWildcards.metadata()));
    }

    @Test
    void equalRuleWithItsKeysInAnotherOrder_isAnotherRule() {
        // cdk-nag compares rules by their JSON text
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("id", "AwsSolutions-S1");
        reordered.put("reason", "no access logs here");
        Stack stack = stack(Map.of("cdk_nag", Map.of("rules_to_suppress", List.of(reordered))));

        Nag.suppressStack(stack, List.of(S1));

        assertThat(rules(stack)).isEqualTo(List.of(reordered, S1.metadata()));
    }

    @Test
    void entryWithoutAListOfRules_isRefused_anEntryThatIsNoObject_holdsNoRules() {
        Stack refused = stack(Map.of("cdk_nag", Map.of("rules_to_suppress", "x")));
        assertThatThrownBy(() -> Nag.suppressStack(refused, List.of(S1)))
                .hasMessageContaining("the cdk_nag metadata's rules_to_suppress is not a list");

        Stack replaced = stack(Map.of("cdk_nag", "not an object"));
        Nag.suppressStack(replaced, List.of(S1));
        assertThat(rules(replaced)).isEqualTo(List.of(S1.metadata()));
    }

    private static Stack stack(Map<String, Object> metadata) {
        Stack stack = new Stack(new App(), "Merged");
        if (!metadata.isEmpty()) {
            stack.getTemplateOptions().setMetadata(metadata);
        }
        return stack;
    }

    private static Map<?, ?> metadata(Stack stack) {
        return (Map<?, ?>) ((Map<?, ?>) Template.fromStack(stack).toJSON()).get("Metadata");
    }

    private static Object rules(Stack stack) {
        return ((Map<?, ?>) metadata(stack).get("cdk_nag")).get("rules_to_suppress");
    }
}

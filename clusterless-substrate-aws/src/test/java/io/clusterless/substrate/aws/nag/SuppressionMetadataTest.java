package io.clusterless.substrate.aws.nag;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules are merged into a resource's cdk_nag entry as cdk-nag merges them: existing first, each rule once. */
class SuppressionMetadataTest {
    private static final Suppression S1 = Suppression.of("AwsSolutions-S1", "no access logs here");
    private static final Suppression SQS3 = Suppression.of("AwsSolutions-SQS3", "this is the dead-letter queue");

    @Test
    void noEntryYet_holdsTheNewRules() {
        assertThat(SuppressionMetadata.merged(null, List.of(S1)))
                .isEqualTo(Map.of("rules_to_suppress", List.of(S1.metadata())));
    }

    @Test
    void existingRulesComeFirst_andAnEqualRuleIsNotRepeated() {
        Map<String, Object> existing = SuppressionMetadata.merged(null, List.of(SQS3, S1));

        Map<String, Object> merged = SuppressionMetadata.merged(existing, List.of(S1, SQS3, S1));

        assertThat(merged).isEqualTo(Map.of("rules_to_suppress", List.of(SQS3.metadata(), S1.metadata())));
    }

    @Test
    void sameRuleWithAnotherReasonOrOtherRegexes_isKeptBeside() {
        Suppression other = Suppression.of("AwsSolutions-S1", "another reason, also long");
        Suppression wildcards = new Suppression(Nag.IAM5, "actions without resources", List.of("/^Action::a:\\*$/g"));
        Suppression moreWildcards = new Suppression(Nag.IAM5, "actions without resources", List.of("/^Action::b:\\*$/g"));

        Map<String, Object> merged = SuppressionMetadata.merged(
                SuppressionMetadata.merged(null, List.of(S1, wildcards)), List.of(other, moreWildcards));

        assertThat(merged.get("rules_to_suppress")).isEqualTo(List.of(
                S1.metadata(), wildcards.metadata(), other.metadata(), moreWildcards.metadata()));
    }

    @Test
    void equalRuleWithItsKeysInAnotherOrder_isAnotherRule() {
        // cdk-nag compares rules by their JSON text
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("id", "AwsSolutions-S1");
        reordered.put("reason", "no access logs here");

        Map<String, Object> merged = SuppressionMetadata.merged(Map.of("rules_to_suppress", List.of(reordered)),
                List.of(S1));

        assertThat(merged.get("rules_to_suppress")).isEqualTo(List.of(reordered, S1.metadata()));
    }

    @Test
    void entryWithoutAListOfRules_isRefused() {
        assertThatThrownBy(() -> SuppressionMetadata.merged(Map.of("rules_to_suppress", "x"), List.of(S1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(SuppressionMetadata.merged("not an object", List.of(S1)))
                .isEqualTo(Map.of("rules_to_suppress", List.of(S1.metadata())));
    }
}

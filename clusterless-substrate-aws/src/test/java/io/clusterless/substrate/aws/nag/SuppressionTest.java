package io.clusterless.substrate.aws.nag;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A suppression is checked as cdk-nag checks it when it is added, and stored in cdk-nag's form. */
class SuppressionTest {
    @Test
    void reasonShorterThanTenCharacters_isRejected() {
        assertThatThrownBy(() -> Suppression.of("AwsSolutions-S1", "too short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cdk-nag suppression of AwsSolutions-S1: the reason must have 10 characters or more");
        assertThat(Suppression.of("AwsSolutions-S1", "ten chars!").reason()).hasSize(10);
    }

    @Test
    void idNamingAFinding_isRejected() {
        assertThatThrownBy(() -> Suppression.of("AwsSolutions-IAM5[Resource::*]", "a reason long enough"))
                .hasMessageContaining("the id contains a finding ([Resource::*])");
    }

    @Test
    void regexNotInSlashes_orWithUnknownFlags_orBroken_isRejected() {
        assertThatThrownBy(() -> wildcards("^Resource::\\*$")).hasMessageContaining("write it as /expression/flags");
        assertThatThrownBy(() -> wildcards("/^Resource::\\*$/q")).hasMessageContaining("flags must be");
        assertThatThrownBy(() -> wildcards("/^Resource::\\*$/gg")).hasMessageContaining("flags must be");
        assertThatThrownBy(() -> wildcards("/^Resource::\\*$/uv")).hasMessageContaining("exclude each other");
        assertThatThrownBy(() -> wildcards("/^(Resource::\\*$/g"))
                .hasMessageStartingWith("cdk-nag suppression of AwsSolutions-IAM5: invalid regular expression");
        assertThat(wildcards("/^Resource::arn:aws:s3:::b\\/p\\/\\*$/g").regexes()).hasSize(1);
    }

    @Test
    void metadata_isReasonIdAndAppliesTo_inCdkNagsOrder() {
        Map<String, Object> rule = wildcards("/^Action::s3:\\*$/g", "/^Resource::\\*$/").metadata();

        assertThat(new LinkedHashMap<>(rule)).containsExactly(
                Map.entry("reason", "a reason long enough"),
                Map.entry("id", "AwsSolutions-IAM5"),
                Map.entry("applies_to", List.of(Map.of("regex", "/^Action::s3:\\*$/g"), Map.of("regex", "/^Resource::\\*$/"))));
        assertThat(Suppression.of("AwsSolutions-S1", "a reason long enough").metadata())
                .containsOnlyKeys("reason", "id");
    }

    @Test
    void reasonBeyondLatin1_isStoredAsBase64OfItsUtf8_andMarked() {
        String reason = "Glue names the job's log groups (/aws-glue/jobs/…)";
        Map<String, Object> rule = Suppression.of("AwsSolutions-GL1", reason).metadata();

        assertThat(rule.keySet()).containsExactly("reason", "id", "is_reason_encoded");
        assertThat(rule.get("reason"))
                .isEqualTo(Base64.getEncoder().encodeToString(reason.getBytes(StandardCharsets.UTF_8)));
        assertThat(rule.get("is_reason_encoded")).isEqualTo(true);
        // Latin-1 (é is U+00E9) stays as it is
        assertThat(Suppression.of("AwsSolutions-S1", "café reason text").metadata().get("reason"))
                .isEqualTo("café reason text");
    }

    private static Suppression wildcards(String... regexes) {
        return new Suppression(Nag.IAM5, "a reason long enough", List.of(regexes));
    }
}

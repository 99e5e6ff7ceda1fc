package io.clusterless.substrate.aws.nag;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.constructs.IConstruct;

import java.util.ArrayList;
import java.util.List;

/** cdk-nag suppressions: each one names the rule, the construct and why the finding does not apply. */
public final class Nag {
    private Nag() {
    }

    /** Suppresses {@code rule} on {@code construct} and its children. */
    public static void suppress(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), true);
    }

    /**
     * Suppresses IAM5 (wildcard) findings on {@code construct} only for findings matching one of {@code regexes}
     * (cdk-nag's {@code Action::…}/{@code Resource::…} strings), so an unexpected wildcard still fails.
     */
    public static void suppressWildcards(IConstruct construct, String reason, String... regexes) {
        List<Object> appliesTo = new ArrayList<>();
        for (String regex : regexes) {
            appliesTo.add(RegexAppliesTo.builder().regex(regex).build());
        }
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5").reason(reason).appliesTo(appliesTo).build()),
                true);
    }
}

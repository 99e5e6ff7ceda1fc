package io.clusterless.substrate.aws.nag;

import io.clusterless.substrate.aws.Projects;
import io.clusterless.substrate.aws.Synthesized;
import io.clusterless.substrate.aws.synth.SynthOptions;
import io.clusterless.substrate.aws.synth.SynthResult;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nag writes the templates cdk-nag's own NagSuppressions writes, byte for byte: the project with every component type
 * and every example, synthesized once with each (clicks-parquet and sensor-stats hold stack suppressions).
 */
class NagParityTest {
    static Stream<List<Path>> projects() {
        return Stream.concat(Stream.of(List.of(Synthesized.resource("projects/all-components.json"))),
                Projects.examples().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void templates_equalThoseOfCdkNagsSuppressions(List<Path> files) throws IOException {
        SynthResult ours = Projects.synth(Projects.load(files.toArray(Path[]::new)),
                SynthOptions.defaults(Projects.lambdaJar()));
        Nag.WRITER.set(new ThroughCdkNag());
        SynthResult cdkNags;
        try {
            cdkNags = Projects.synth(Projects.load(files.toArray(Path[]::new)),
                    SynthOptions.defaults(Projects.lambdaJar()));
        } finally {
            Nag.WRITER.remove();
        }

        assertThat(ours.stacks()).hasSameSizeAs(cdkNags.stacks()).isNotEmpty();
        boolean suppressed = false;
        boolean stackSuppressed = false;
        for (int i = 0; i < ours.stacks().size(); i++) {
            String template = Files.readString(ours.outdir().resolve(ours.stacks().get(i).templateFile()));
            assertThat(template).as(ours.stacks().get(i).name())
                    .isEqualTo(Files.readString(cdkNags.outdir().resolve(cdkNags.stacks().get(i).templateFile())));
            suppressed |= template.contains("\"cdk_nag\"");
            stackSuppressed |= template.contains("\n \"Metadata\": {\n  \"cdk_nag\"");
        }
        assertThat(suppressed).as("some resource carries a suppression").isTrue();
        if (files.stream().anyMatch(f -> f.toString().matches(".*(clicks-parquet|sensor-stats).*"))) {
            assertThat(stackSuppressed).as("some stack carries a suppression").isTrue();
        }
    }

    /** Each suppression as cdk-nag's own NagSuppressions writes it. */
    private static final class ThroughCdkNag implements Nag.Writer {
        @Override
        public void resources(IConstruct construct, List<Suppression> suppressions) {
            NagSuppressions.addResourceSuppressions(construct, rules(suppressions), true);
        }

        @Override
        public void stack(Stack stack, List<Suppression> suppressions) {
            NagSuppressions.addStackSuppressions(stack, rules(suppressions));
        }

        private static List<NagPackSuppression> rules(List<Suppression> suppressions) {
            List<NagPackSuppression> rules = new ArrayList<>();
            for (Suppression suppression : suppressions) {
                NagPackSuppression.Builder rule = NagPackSuppression.builder().id(suppression.id())
                        .reason(suppression.reason());
                if (!suppression.regexes().isEmpty()) {
                    rule.appliesTo(suppression.regexes().stream()
                            .<Object>map(regex -> RegexAppliesTo.builder().regex(regex).build()).toList());
                }
                rules.add(rule.build());
            }
            return rules;
        }
    }
}

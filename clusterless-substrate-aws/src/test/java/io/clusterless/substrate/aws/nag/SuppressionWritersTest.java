package io.clusterless.substrate.aws.nag;

import io.clusterless.substrate.aws.Projects;
import io.clusterless.substrate.aws.Sources;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only Nag's calls into cls's own jsii module (ADR 17) write cdk-nag suppressions, so the module's merge sees every
 * rule an entry holds; and only the synth that runs cdk-nag's checks uses cdk-nag's classes (the first use loads its
 * module into node).
 */
class SuppressionWritersTest {
    private static final Path MAIN = Projects.ROOT.resolve("clusterless-substrate-aws/src/main/java");
    private static final Path MODULE = Projects.ROOT.resolve("clusterless-substrate-aws/src/main/jsii/lib");
    private static final Path NAG = MAIN.resolve("io/clusterless/substrate/aws/nag");
    private static final Path SYNTHESIZER = MAIN.resolve("io/clusterless/substrate/aws/synth/AwsSynthesizer.java");

    @Test
    void onlyTheNagPackageAndTheModuleNameTheMetadataEntry() {
        assertThat(sourcesContaining(MAIN, ".java", "cdk_nag")).allMatch(file -> file.startsWith(NAG));
        assertThat(sourcesContaining(MODULE, ".js", "'cdk_nag'")).containsExactly(MODULE.resolve("index.js"));
    }

    @Test
    void onlyTheSynthesizerUsesCdkNagsClasses() {
        assertThat(sourcesContaining(MAIN, ".java", "io.github.cdklabs.cdknag")).containsExactly(SYNTHESIZER);
    }

    private static List<Path> sourcesContaining(Path root, String suffix, String text) {
        return Sources.containing(root, suffix, text);
    }
}

package io.clusterless.substrate.aws.nag;

import io.clusterless.substrate.aws.Projects;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only Nag writes cdk-nag suppressions (its record of each resource's entry is then the entry), and only the synth
 * that runs cdk-nag's checks uses cdk-nag's classes (the first use loads its module into node).
 */
class SuppressionWritersTest {
    private static final Path MAIN = Projects.ROOT.resolve("clusterless-substrate-aws/src/main/java");
    private static final Path NAG = MAIN.resolve("io/clusterless/substrate/aws/nag");
    private static final Path SYNTHESIZER = MAIN.resolve("io/clusterless/substrate/aws/synth/AwsSynthesizer.java");

    @Test
    void onlyTheNagPackageNamesTheMetadataEntry() {
        assertThat(sourcesContaining("cdk_nag")).isNotEmpty().allMatch(file -> file.startsWith(NAG));
    }

    @Test
    void onlyTheSynthesizerUsesCdkNagsClasses() {
        assertThat(sourcesContaining("io.github.cdklabs.cdknag")).containsExactly(SYNTHESIZER);
    }

    private static List<Path> sourcesContaining(String text) {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(file -> file.toString().endsWith(".java")).filter(file -> {
                try {
                    return Files.readString(file).contains(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

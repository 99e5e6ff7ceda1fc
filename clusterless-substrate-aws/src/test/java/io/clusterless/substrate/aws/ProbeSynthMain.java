package io.clusterless.substrate.aws;

import io.clusterless.substrate.aws.synth.AwsSynthesizer;
import io.clusterless.substrate.aws.synth.SynthOptions;

import java.nio.file.Path;

/**
 * Loads, validates (with the default registry) and synthesizes {@code args[1]} into {@code args[0]}; run by
 * {@link NewComponentTypeTest} in a child JVM whose class path adds the test type's ServiceLoader declarations
 * ({@code src/test/probe-type}), so the type is registered as a built-in one is, and no other test sees it.
 */
public final class ProbeSynthMain {
    private ProbeSynthMain() {
    }

    public static void main(String[] args) {
        AwsSynthesizer.synthesize(Projects.load(Path.of(args[1])), SynthOptions.defaults(Projects.lambdaJar()),
                Path.of(args[0]));
        // jsii's node process keeps the JVM alive otherwise
        System.exit(0);
    }
}

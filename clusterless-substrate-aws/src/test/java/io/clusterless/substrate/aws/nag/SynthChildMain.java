package io.clusterless.substrate.aws.nag;

import io.clusterless.substrate.aws.Projects;
import io.clusterless.substrate.aws.synth.AwsSynthesizer;
import io.clusterless.substrate.aws.synth.SynthOptions;

import java.nio.file.Path;

/**
 * Synthesizes each project file of {@code args[2..]} into a folder under {@code args[0]}, running cdk-nag when
 * {@code args[1]} is "nag"; run by
 * {@link CdkNagModuleLoadTest} in a child JVM, whose jsii runtime has loaded nothing yet.
 */
public final class SynthChildMain {
    private SynthChildMain() {
    }

    public static void main(String[] args) {
        for (int i = 2; i < args.length; i++) {
            AwsSynthesizer.synthesize(Projects.load(Path.of(args[i])),
                    SynthOptions.defaults(Projects.lambdaJar()).withNag(args[1].equals("nag")),
                    Path.of(args[0], String.valueOf(i)));
        }
        // jsii's node process keeps the JVM alive otherwise
        System.exit(0);
    }
}

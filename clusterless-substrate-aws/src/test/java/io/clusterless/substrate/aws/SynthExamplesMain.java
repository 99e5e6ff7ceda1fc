package io.clusterless.substrate.aws;

import io.clusterless.substrate.aws.synth.AwsSynthesizer;
import io.clusterless.substrate.aws.synth.SynthOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthesizes every example and the all-components fixture into {@code args[0]/0}, {@code /1}, ...; run in a child
 * JVM by {@link DeterministicSynthTest}, so each run gets the JVM-wide state (hash salts) a fresh {@code cls synth}
 * gets.
 */
public final class SynthExamplesMain {
    private SynthExamplesMain() {
    }

    public static void main(String[] args) {
        Path outdir = Path.of(args[0]);
        List<List<Path>> groups = new ArrayList<>(Projects.examples());
        groups.add(List.of(Synthesized.resource("projects/all-components.json")));
        for (int i = 0; i < groups.size(); i++) {
            AwsSynthesizer.synthesize(Projects.load(groups.get(i).toArray(Path[]::new)),
                    SynthOptions.defaults(Projects.lambdaJar()), outdir.resolve(Integer.toString(i)));
        }
        // jsii's node process keeps the JVM alive otherwise
        System.exit(0);
    }
}

package io.clusterless.cli.command;

import io.clusterless.cli.config.ClsConfig;
import io.clusterless.cli.config.Settings;
import io.clusterless.substrate.aws.synth.SynthOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** What {@code synth} and {@code verify} leave out of the stacks, and how they synthesize. */
final class AwsSynthOptions {

    @Option(names = "--exclude-arc", paramLabel = "ARC", split = ",",
            description = "Leave this arc out, as if it had \"exclude\": true (repeatable).")
    List<String> excludeArcs = new ArrayList<>();

    @Option(names = "--exclude-all-arcs", description = "No arc stacks: resources, boundaries and activities only.")
    boolean excludeAllArcs;

    @Option(names = "--only-resource", paramLabel = "RESOURCE", split = ",",
            description = "Only these resources: no boundaries, activities, arcs or other resources (repeatable).")
    List<String> onlyResources = new ArrayList<>();

    @Option(names = "--exclude-all-tags", description = "Apply no cls:project:* or component tags.")
    boolean excludeAllTags;

    @Option(names = "--validate",
            description = "Run CDK's own template validation as well (slow: about 5 s). bin/cls turns it off "
                    + "(CDK_VALIDATION=false) unless this option is given.")
    boolean validate;

    @Option(names = "--no-cache",
            description = "Synthesize afresh, neither reusing nor keeping an assembly in the user cache (an unchanged "
                    + "project is otherwise copied from there).")
    boolean noCache;

    SynthOptions toSynthOptions(Path lambdaJar, ClsConfig config, boolean nag) {
        return toSynthOptions(lambdaJar, config, nag, config.bool(Settings.SNAP_START));
    }

    SynthOptions toSynthOptions(Path lambdaJar, ClsConfig config, boolean nag, boolean snapStart) {
        return new SynthOptions(lambdaJar, excludeAllTags, new HashSet<>(excludeArcs), excludeAllArcs,
                new HashSet<>(onlyResources), config.bool(Settings.REMOVE_ALL_ON_DESTROY), nag, snapStart);
    }
}

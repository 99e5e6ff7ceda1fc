package io.clusterless.cli.command;

import io.clusterless.substrate.aws.synth.SynthOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** What {@code synth} and {@code verify} leave out of the stacks, and how they synthesize. */
final class AwsSynthOptions {
    static final String REMOVE_ALL_ON_DESTROY = "common.resource.removeAllOnDestroy";
    /** false: no SnapStart and functions invoked unqualified, for stand-ins (moto) that cannot resolve versions. */
    static final String SNAP_START = "aws.lambda.snapStart";

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

    SynthOptions toSynthOptions(Path lambdaJar, Map<String, String> properties, boolean nag) {
        return new SynthOptions(lambdaJar, excludeAllTags, new HashSet<>(excludeArcs), excludeAllArcs,
                new HashSet<>(onlyResources), Boolean.parseBoolean(properties.getOrDefault(REMOVE_ALL_ON_DESTROY, "false")),
                nag, Boolean.parseBoolean(properties.getOrDefault(SNAP_START, "true")));
    }
}

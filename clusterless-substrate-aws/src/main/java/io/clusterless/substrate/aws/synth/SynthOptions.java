package io.clusterless.substrate.aws.synth;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * How project files become stacks.
 *
 * @param lambdaJar          the runtime's shaded handler jar, deployed as every function's code
 * @param excludeAllTags     no {@code cls:project:*} or component tags (faster for large projects)
 * @param excludeArcs        arc names left out, as if each had {@code "exclude": true}
 * @param excludeAllArcs     no arc stacks at all
 * @param onlyResources      when not empty: only these resources, no boundaries, activities or arcs
 * @param removeAllOnDestroy every bucket, database and table is deleted with its stack ({@code removeOnDestroy})
 * @param nag                apply the cdk-nag AwsSolutions pack; its findings land in the assembly's messages
 * @param snapStart          SnapStart on published versions, which rules and state machines invoke; off for
 *                           stand-ins such as moto, whose CloudFormation cannot resolve Lambda versions
 */
public record SynthOptions(Path lambdaJar, boolean excludeAllTags, Set<String> excludeArcs, boolean excludeAllArcs,
                           Set<String> onlyResources, boolean removeAllOnDestroy, boolean nag, boolean snapStart) {
    public SynthOptions {
        Objects.requireNonNull(lambdaJar, "lambdaJar is required");
        excludeArcs = excludeArcs == null ? Set.of() : Set.copyOf(excludeArcs);
        onlyResources = onlyResources == null ? Set.of() : Set.copyOf(onlyResources);
    }

    public static SynthOptions defaults(Path lambdaJar) {
        return new SynthOptions(lambdaJar, false, Set.of(), false, Set.of(), false, false, true);
    }

    public SynthOptions withNag(boolean nag) {
        return new SynthOptions(lambdaJar, excludeAllTags, excludeArcs, excludeAllArcs, onlyResources,
                removeAllOnDestroy, nag, snapStart);
    }

    public SynthOptions withSnapStart(boolean snapStart) {
        return new SynthOptions(lambdaJar, excludeAllTags, excludeArcs, excludeAllArcs, onlyResources,
                removeAllOnDestroy, nag, snapStart);
    }

    public boolean includesArc(String name) {
        return !excludeAllArcs && onlyResources.isEmpty() && !excludeArcs.contains(name);
    }

    public boolean includesResource(String name) {
        return onlyResources.isEmpty() || onlyResources.contains(name);
    }

    /** Boundaries and activities are left out when only some resources are asked for. */
    public boolean includesNonResources() {
        return onlyResources.isEmpty();
    }
}

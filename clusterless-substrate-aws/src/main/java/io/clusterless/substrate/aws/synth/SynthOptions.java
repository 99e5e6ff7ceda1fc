package io.clusterless.substrate.aws.synth;

import io.clusterless.model.SinkDataset;
import java.nio.file.Path;
import java.util.Map;
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
                           Set<String> onlyResources, boolean removeAllOnDestroy, boolean nag, boolean snapStart,
                           Map<String, SinkDataset> deployedOwners) {
    public SynthOptions {
        deployedOwners = deployedOwners == null ? Map.of() : Map.copyOf(deployedOwners);
        Objects.requireNonNull(lambdaJar, "lambdaJar is required");
        excludeArcs = excludeArcs == null ? Set.of() : Set.copyOf(excludeArcs);
        onlyResources = onlyResources == null ? Set.of() : Set.copyOf(onlyResources);
    }

    public SynthOptions(Path lambdaJar, boolean excludeAllTags, Set<String> excludeArcs, boolean excludeAllArcs,
                        Set<String> onlyResources, boolean removeAllOnDestroy, boolean nag, boolean snapStart) {
        this(lambdaJar, excludeAllTags, excludeArcs, excludeAllArcs, onlyResources, removeAllOnDestroy, nag, snapStart,
                Map.of());
    }

    /** Owners of sources that no given file owns, as deployed: dataset id → its record (reference §3.9). */
    public SynthOptions withDeployedOwners(Map<String, SinkDataset> owners) {
        return new SynthOptions(lambdaJar, excludeAllTags, excludeArcs, excludeAllArcs, onlyResources,
                removeAllOnDestroy, nag, snapStart, owners);
    }

    public static SynthOptions defaults(Path lambdaJar) {
        return new SynthOptions(lambdaJar, false, Set.of(), false, Set.of(), false, false, true);
    }

    public SynthOptions withNag(boolean nag) {
        return new SynthOptions(lambdaJar, excludeAllTags, excludeArcs, excludeAllArcs, onlyResources,
                removeAllOnDestroy, nag, snapStart, deployedOwners);
    }

    public SynthOptions withSnapStart(boolean snapStart) {
        return new SynthOptions(lambdaJar, excludeAllTags, excludeArcs, excludeAllArcs, onlyResources,
                removeAllOnDestroy, nag, snapStart, deployedOwners);
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

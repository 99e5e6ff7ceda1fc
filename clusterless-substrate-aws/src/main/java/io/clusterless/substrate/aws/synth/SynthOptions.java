package io.clusterless.substrate.aws.synth;

import io.clusterless.model.SinkDataset;
import io.clusterless.naming.PlacementNames;
import io.clusterless.substrate.aws.construct.ConstructOptions;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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
 * @param imageAssets        batch arcs' container images built from {@code imagePath} and pushed as Docker assets;
 *                           off for stand-ins such as moto, which have no registry to push to (the job definition
 *                           then names an image that does not exist: {@code BatchExecArcConstruct#UNPUSHED_IMAGE})
 * @param deployedOwners     owners of sources that no given file owns, as deployed (see {@link #withDeployedOwners})
 * @param disabledListeners  project id ({@code name/version}) → names of its arcs and boundaries whose listener is
 *                           disabled (ADR-0004): their rules and schedules are synthesized {@code State: DISABLED};
 *                           every other listener is enabled. Empty offline ({@code cls synth}, {@code verify}).
 * @param bootstrapSubnets   metadata bucket of a placement → the subnets its compute environments run in, for
 *                           placements whose bootstrap stack does not export them (bootstrapped by the original,
 *                           ADR-0016); the others import the export
 */
public record SynthOptions(Path lambdaJar, boolean excludeAllTags, Set<String> excludeArcs, boolean excludeAllArcs,
                           Set<String> onlyResources, boolean removeAllOnDestroy, boolean nag, boolean snapStart,
                           boolean imageAssets, Map<String, SinkDataset> deployedOwners,
                           Map<String, Set<String>> disabledListeners, Map<String, List<String>> bootstrapSubnets)
        implements ConstructOptions {
    public SynthOptions {
        Map<String, List<String>> subnets = new HashMap<>();
        if (bootstrapSubnets != null) {
            bootstrapSubnets.forEach((bucket, ids) -> subnets.put(bucket, List.copyOf(ids)));
        }
        bootstrapSubnets = Map.copyOf(subnets);
        deployedOwners = deployedOwners == null ? Map.of() : Map.copyOf(deployedOwners);
        Map<String, Set<String>> disabled = new HashMap<>();
        if (disabledListeners != null) {
            disabledListeners.forEach((project, names) -> disabled.put(project, Set.copyOf(names)));
        }
        disabledListeners = Map.copyOf(disabled);
        Objects.requireNonNull(lambdaJar, "lambdaJar is required");
        excludeArcs = excludeArcs == null ? Set.of() : Set.copyOf(excludeArcs);
        onlyResources = onlyResources == null ? Set.of() : Set.copyOf(onlyResources);
    }

    public SynthOptions(Path lambdaJar, boolean excludeAllTags, Set<String> excludeArcs, boolean excludeAllArcs,
                        Set<String> onlyResources, boolean removeAllOnDestroy, boolean nag, boolean snapStart) {
        this(lambdaJar, excludeAllTags, excludeArcs, excludeAllArcs, onlyResources, removeAllOnDestroy, nag, snapStart,
                true, Map.of(), Map.of(), Map.of());
    }

    /** Owners of sources that no given file owns, as deployed: dataset id → its record (reference §3.9). */
    public SynthOptions withDeployedOwners(Map<String, SinkDataset> owners) {
        return new SynthOptions(lambdaJar, excludeAllTags, excludeArcs, excludeAllArcs, onlyResources,
                removeAllOnDestroy, nag, snapStart, imageAssets, owners, disabledListeners, bootstrapSubnets);
    }

    /** The listeners disabled now, as the metadata bucket records them (ADR-0004); see {@code disabledListeners}. */
    public SynthOptions withDisabledListeners(Map<String, Set<String>> disabled) {
        return new SynthOptions(lambdaJar, excludeAllTags, excludeArcs, excludeAllArcs, onlyResources,
                removeAllOnDestroy, nag, snapStart, imageAssets, deployedOwners, disabled, bootstrapSubnets);
    }

    /**
     * Whether the listener (rule or schedule) of an arc or boundary is synthesized enabled.
     *
     * @param projectId the component's project, {@code name/version}
     * @param component the arc or boundary name
     */
    @Override
    public boolean listenerEnabled(String projectId, String component) {
        return !disabledListeners.getOrDefault(projectId, Set.of()).contains(component);
    }

    public static SynthOptions defaults(Path lambdaJar) {
        return new SynthOptions(lambdaJar, false, Set.of(), false, Set.of(), false, false, true);
    }

    public SynthOptions withNag(boolean nag) {
        return new SynthOptions(lambdaJar, excludeAllTags, excludeArcs, excludeAllArcs, onlyResources,
                removeAllOnDestroy, nag, snapStart, imageAssets, deployedOwners, disabledListeners, bootstrapSubnets);
    }

    public SynthOptions withSnapStart(boolean snapStart) {
        return new SynthOptions(lambdaJar, excludeAllTags, excludeArcs, excludeAllArcs, onlyResources,
                removeAllOnDestroy, nag, snapStart, imageAssets, deployedOwners, disabledListeners, bootstrapSubnets);
    }

    /** The subnets of placements bootstrapped without the subnets export; see {@code bootstrapSubnets}. */
    public SynthOptions withBootstrapSubnets(Map<String, List<String>> subnets) {
        return new SynthOptions(lambdaJar, excludeAllTags, excludeArcs, excludeAllArcs, onlyResources,
                removeAllOnDestroy, nag, snapStart, imageAssets, deployedOwners, disabledListeners, subnets);
    }

    @Override
    public List<String> bootstrapSubnets(PlacementNames placement) {
        return bootstrapSubnets.getOrDefault(placement.metadataBucket(), List.of());
    }

    public SynthOptions withImageAssets(boolean imageAssets) {
        return new SynthOptions(lambdaJar, excludeAllTags, excludeArcs, excludeAllArcs, onlyResources,
                removeAllOnDestroy, nag, snapStart, imageAssets, deployedOwners, disabledListeners, bootstrapSubnets);
    }

    public boolean includesArc(String name) {
        return !excludeAllArcs && onlyResources.isEmpty() && !excludeArcs.contains(name);
    }

    @Override
    public boolean includesResource(String name) {
        return onlyResources.isEmpty() || onlyResources.contains(name);
    }

    /** Boundaries and activities are left out when only some resources are asked for. */
    @Override
    public boolean includesNonResources() {
        return onlyResources.isEmpty();
    }
}

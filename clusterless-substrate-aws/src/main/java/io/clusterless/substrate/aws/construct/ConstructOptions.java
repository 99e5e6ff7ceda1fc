package io.clusterless.substrate.aws.construct;

import io.clusterless.naming.PlacementNames;

import java.nio.file.Path;
import java.util.List;

/** What constructs read of the options of a synth ({@code SynthOptions} documents each). */
public interface ConstructOptions {
    Path lambdaJar();

    boolean excludeAllTags();

    boolean removeAllOnDestroy();

    boolean snapStart();

    boolean imageAssets();

    boolean includesResource(String name);

    boolean includesNonResources();

    boolean listenerEnabled(String projectId, String component);

    /**
     * The subnets a placement's compute environments run in when its bootstrap stack does not export them (one the
     * original bootstrapped); empty when they are imported from the export.
     */
    default List<String> bootstrapSubnets(PlacementNames placement) {
        return List.of();
    }
}

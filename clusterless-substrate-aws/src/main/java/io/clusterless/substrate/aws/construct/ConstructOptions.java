package io.clusterless.substrate.aws.construct;

import java.nio.file.Path;

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
}

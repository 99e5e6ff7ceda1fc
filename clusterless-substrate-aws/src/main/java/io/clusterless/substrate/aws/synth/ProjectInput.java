package io.clusterless.substrate.aws.synth;

import io.clusterless.model.Deployable;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One loaded project file to synthesize.
 *
 * @param deployable the validated model
 * @param baseDir    the directory of the project file: relative paths in it ({@code imagePath}) resolve here
 * @param display    how messages name the file
 */
public record ProjectInput(Deployable deployable, Path baseDir, String display) {
    public ProjectInput {
        Objects.requireNonNull(deployable, "deployable is required");
        baseDir = baseDir == null ? Path.of("").toAbsolutePath() : baseDir.toAbsolutePath();
    }
}

package io.clusterless.model.core.arc.batch;

import io.clusterless.model.load.Problem;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.Names;
import io.clusterless.model.validate.RuleContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * A batch arc's imagePath names a folder inside the project file's folder (by real path, so a symlink out counts as
 * outside) that holds a Dockerfile: synth builds the image from it and local run runs the command in it, so neither
 * may reach elsewhere on the machine, and a missing Dockerfile fails only at deploy otherwise.
 */
public final class ImagePathRule implements ComponentRule<BatchExecArc> {
    private static final String WHAT_TO_DO = "name a folder with a Dockerfile, relative to the project file";

    @Override
    public Concern concern() {
        return Concern.SETTINGS;
    }

    @Override
    public void check(Located<BatchExecArc> arc, RuleContext context, List<Problem> problems) {
        String imagePath = arc.value().getWorkload().getImagePath();
        String problem = imagePath == null || imagePath.isBlank() ? "imagePath is missing; " + WHAT_TO_DO
                : context.options().localFiles() ? problem(projectFolder(arc), imagePath) : null;
        if (problem != null) {
            problems.add(arc.problemAt(problem, "workload", "imagePath"));
        }
    }

    /** The folder relative imagePaths resolve against: the file's, or the working directory for stdin. */
    public static Path projectFolder(Located<?> located) {
        Path file = located.file().source().path();
        Path parent = file == null ? null : file.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** What is wrong with {@code imagePath} relative to {@code folder} (the sageMaker arcs build theirs alike); null if nothing. */
    public static String problem(Path folder, String imagePath) {
        String shown = Names.quote(imagePath);
        Path asGiven;
        try {
            asGiven = folder.resolve(imagePath);
        } catch (InvalidPathException e) {
            return "imagePath " + shown + " is not a path; " + WHAT_TO_DO;
        }
        Path realFolder;
        try {
            realFolder = folder.toRealPath();
        } catch (IOException e) {
            return "imagePath " + shown + ": the project folder " + folder + " cannot be read; " + WHAT_TO_DO;
        }
        // synth resolves the path lexically (a/../b is b), local run lets the file system follow a/.. through a
        // symlink; both must land inside the project folder, in a folder with a Dockerfile
        for (Path image : List.of(asGiven.normalize(), asGiven)) {
            Path real;
            try {
                real = Files.isDirectory(image) ? image.toRealPath() : null;
            } catch (IOException e) {
                real = null;
            }
            if (real == null) {
                return "imagePath " + shown + " is not a folder beside the project file (looked in "
                        + asGiven.normalize() + "); " + WHAT_TO_DO;
            }
            if (!real.startsWith(realFolder)) {
                return "imagePath " + shown + " is outside the project folder " + folder + "; move the image's "
                        + "folder inside it";
            }
            if (!Files.isRegularFile(real.resolve("Dockerfile"))) {
                return "imagePath " + shown + " has no Dockerfile (looked in " + asGiven.normalize() + "); add one, "
                        + "or " + WHAT_TO_DO;
            }
        }
        return null;
    }
}

package io.clusterless.model.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project files under the repository's {@code examples/} directory. */
public final class ExampleFiles {
    /** Tests run in the module directory; the examples live at the repository root. */
    public static final Path EXAMPLES = Path.of("..", "examples");

    private ExampleFiles() {
    }

    /**
     * Project files: what `-p` accepts. {@code .libsonnet} files are imported libraries and {@code scenario.json}
     * files scenarios, not projects.
     */
    public static List<Path> projectFiles() {
        try (Stream<Path> walk = Files.walk(EXAMPLES)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> SourceFormat.ofFileName(file.getFileName().toString()) != null)
                    .filter(file -> !file.getFileName().toString().endsWith(".libsonnet"))
                    // scenario files (cls scenario run) describe test runs of projects, they are not projects
                    .filter(file -> !file.getFileName().toString().equals("scenario.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** e.g. {@code others/split-a.json}. */
    public static String relative(Path file) {
        return EXAMPLES.relativize(file).toString().replace('\\', '/');
    }
}

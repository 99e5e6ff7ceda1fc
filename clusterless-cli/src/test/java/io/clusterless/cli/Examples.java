package io.clusterless.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example projects under {@code examples/} at the repository root. */
final class Examples {
    private Examples() {
    }

    /** {@code examples/} of this checkout, found from the working directory (the module or the root). */
    static Path dir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path examples = dir.resolve("examples");
            if (Files.isRegularFile(examples.resolve("README.md"))) {
                return examples;
            }
        }
        throw new IllegalStateException("no examples/README.md above " + Path.of("").toAbsolutePath());
    }

    static Path file(String relative) {
        return dir().resolve(relative);
    }

    /** Every {@code project.json/.yaml/.jsonnet} of every example directory. */
    static List<Path> projectFiles() {
        try (Stream<Path> dirs = Files.list(dir())) {
            return dirs.filter(Files::isDirectory).sorted()
                    .flatMap(d -> Stream.of("project.json", "project.yaml", "project.jsonnet").map(d::resolve))
                    .filter(Files::isRegularFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code others/*.json} that are whole projects on their own (split-b needs split-a). */
    static List<Path> standaloneOthers() {
        try (Stream<Path> files = Files.list(dir().resolve("others"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().equals("split-b.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every example file, each valid by itself. */
    static List<Path> allStandalone() {
        return Stream.concat(projectFiles().stream(), standaloneOthers().stream()).toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

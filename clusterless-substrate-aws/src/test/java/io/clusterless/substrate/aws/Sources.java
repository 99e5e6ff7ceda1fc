package io.clusterless.substrate.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project's source files, for tests that check what the code names. */
public final class Sources {
    private Sources() {
    }

    /** The files under {@code root} whose names end with {@code suffix} and whose text contains {@code text}. */
    public static List<Path> containing(Path root, String suffix, String text) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(suffix)).filter(file -> {
                try {
                    return Files.readString(file).contains(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.clusterless.model.load;

import java.nio.file.Path;

/**
 * Where a project file comes from: a path, or text already read (stdin, tests). {@code display} names it in
 * messages; {@code format} may be null to detect it from the name or the text.
 */
public record ProjectSource(String display, Path path, String text, SourceFormat format) {
    public static final String STDIN = "-";

    public static ProjectSource file(Path path) {
        return new ProjectSource(path.toString(), path, null, null);
    }

    public static ProjectSource text(String display, String text) {
        return new ProjectSource(display, null, text, null);
    }

    public static ProjectSource text(String display, String text, SourceFormat format) {
        return new ProjectSource(display, null, text, format);
    }
}

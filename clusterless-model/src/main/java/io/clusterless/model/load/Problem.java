package io.clusterless.model.load;

import io.clusterless.model.shape.FieldPath;

import java.util.Comparator;

/**
 * One thing wrong with a project file, rendered as {@code FILE:LINE:COL: path: message}; the position or the path
 * is left out where it is not known.
 */
public record Problem(String file, Position position, FieldPath path, String message) implements Comparable<Problem> {
    private static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.file == null ? "" : p.file)
            .thenComparing(p -> p.position == null ? Integer.MAX_VALUE : p.position.line())
            .thenComparing(p -> p.position == null ? Integer.MAX_VALUE : p.position.column())
            .thenComparing(p -> p.path == null ? "" : p.path.toString());

    public static Problem at(String file, Position position, String message) {
        return new Problem(file, position, null, message);
    }

    public static Problem of(String file, String message) {
        return new Problem(file, null, null, message);
    }

    public Problem withPosition(Position position) {
        return new Problem(file, position, path, message);
    }

    public String format() {
        StringBuilder builder = new StringBuilder();
        if (file != null) {
            builder.append(file);
            if (position != null) {
                builder.append(':').append(position.line()).append(':').append(position.column());
            }
            builder.append(": ");
        }
        if (path != null && !path.isRoot()) {
            builder.append(path).append(": ");
        }
        builder.append(message);
        // one line per problem, whatever a value quoted in it holds
        for (int i = 0; i < builder.length(); i++) {
            char c = builder.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                builder.replace(i, i + 1, String.format("\\u%04x", (int) c));
            }
        }
        return builder.toString();
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return format();
    }
}

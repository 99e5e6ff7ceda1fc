package io.clusterless.model.shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a value sits in a project file, rendered for people as {@code arcs[0].workload.runtimeProps.memorySizeMB}
 * and for lookups as a JSON pointer.
 */
public final class FieldPath {
    private static final FieldPath ROOT = new FieldPath(List.of());
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private final List<Object> segments;

    private FieldPath(List<Object> segments) {
        this.segments = segments;
    }

    public static FieldPath root() {
        return ROOT;
    }

    public static FieldPath of(Object... segments) {
        FieldPath path = ROOT;
        for (Object segment : segments) {
            path = segment instanceof Integer index ? path.index(index) : path.field(segment.toString());
        }
        return path;
    }

    public FieldPath field(String name) {
        return append(name);
    }

    public FieldPath index(int index) {
        return append(index);
    }

    private FieldPath append(Object segment) {
        List<Object> copy = new ArrayList<>(segments.size() + 1);
        copy.addAll(segments);
        copy.add(segment);
        return new FieldPath(Collections.unmodifiableList(copy));
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public FieldPath parent() {
        return segments.isEmpty() ? this : new FieldPath(segments.subList(0, segments.size() - 1));
    }

    /** The last segment: a field name or an index; null at the root. */
    public Object last() {
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }

    public int depth() {
        return segments.size();
    }

    /** The RFC 6901 JSON pointer of this path. */
    public String pointer() {
        StringBuilder builder = new StringBuilder();
        for (Object segment : segments) {
            builder.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
        }
        return builder.toString();
    }

    @Override
    public String toString() {
        StringBuilder builder = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                builder.append('[').append(index).append(']');
            } else if (PLAIN.matcher(segment.toString()).matches()) {
                if (!builder.isEmpty()) {
                    builder.append('.');
                }
                builder.append(segment);
            } else {
                builder.append("[\"").append(segment.toString().replace("\"", "\\\"")).append("\"]");
            }
        }
        return builder.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath that && segments.equals(that.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}

package io.clusterless.uri;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the key layouts shared by all store URIs: a root, {@code key=value} segments and a file name. Kept apart
 * from the URI types so the rules for identifier, path, prefix and template are written once.
 */
public final class KeyLayout {
    static final String SCHEME = "s3://";

    /** One '/'-separated part of a key. */
    private interface Segment {
        /** The text in keys and paths, or null when absent. */
        String text();

        /** Whether an object key needs this part. */
        boolean required();

        /** Whether this part is a directory (paths end before the file name). */
        boolean directory();

        /** The template variable shown when absent. */
        String variable();

        /** What every value of this part starts with, {@code key=}; null for parts that hold no value. */
        default String valuePrefix() {
            return null;
        }

        void appendTemplate(StringBuilder key);
    }

    /** Always present, e.g. {@code datasets}. */
    private record Literal(String text) implements Segment {
        public boolean required() {
            return true;
        }

        public boolean directory() {
            return true;
        }

        public String variable() {
            return null;
        }

        public void appendTemplate(StringBuilder key) {
            separated(key, text);
        }
    }

    /** {@code key=value}, rendered {@code key={variable}} in templates while the value is absent. */
    private record Named(String key, String value, String variable) implements Segment {
        public String text() {
            return value == null ? null : key + "=" + value;
        }

        public String valuePrefix() {
            return key + "=";
        }

        public boolean required() {
            return true;
        }

        public boolean directory() {
            return true;
        }

        public void appendTemplate(StringBuilder builder) {
            separated(builder, key + "=" + (value == null ? "{" + variable + "}" : value));
        }
    }

    /**
     * A directory {@code key=value} that only some objects have; left out of keys when absent and not required,
     * {@code {/variable*}} in templates.
     */
    private record OptionalNamed(String key, String value, String variable, boolean required) implements Segment {
        public String text() {
            return value == null ? null : key + "=" + value;
        }

        public String valuePrefix() {
            return key + "=";
        }

        public boolean directory() {
            return true;
        }

        public void appendTemplate(StringBuilder builder) {
            if (value == null) {
                // Path-segment expansion brings its own '/' and vanishes when the variable is undefined.
                builder.append("{/").append(variable).append("*}");
            } else {
                separated(builder, text());
            }
        }
    }

    /** The object name; {@code text} is null while it depends on an absent part. */
    private record FileName(String text, String template, String variable) implements Segment {
        public boolean required() {
            return true;
        }

        public boolean directory() {
            return false;
        }

        public void appendTemplate(StringBuilder key) {
            separated(key, text == null ? template : text);
        }
    }

    private final String bucket;
    private final List<Segment> segments = new ArrayList<>();

    KeyLayout(String bucket, String root) {
        this.bucket = bucket;
        segments.add(new Literal(root));
    }

    KeyLayout named(String key, String value, String variable) {
        segments.add(new Named(key, value, variable));
        return this;
    }

    KeyLayout optional(String key, String value, String variable, boolean required) {
        segments.add(new OptionalNamed(key, value, variable, required));
        return this;
    }

    KeyLayout file(String name) {
        segments.add(new FileName(name, name, null));
        return this;
    }

    /** A file name that depends on a part, e.g. {@code <state>.arc}; {@code name} is null while it is absent. */
    KeyLayout file(String name, String template, String variable) {
        segments.add(new FileName(name, template, variable));
        return this;
    }

    String identifier() {
        return withBucket(key());
    }

    String key() {
        List<String> parts = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment.text() != null) {
                parts.add(segment.text());
            } else if (segment.required()) {
                throw new IllegalStateException(
                        "cannot name the object " + template() + ": {" + segment.variable() + "} is missing");
            }
        }
        return String.join("/", parts);
    }

    String path() {
        return withBucket(keyPath());
    }

    /** {@link #path()} relative to the bucket. */
    String keyPath() {
        return String.join("/", knownDirectories()) + "/";
    }

    /**
     * The key every value of the first absent part starts with, e.g. {@code arcs/project=p/version=1/arc=a/lot=}: what
     * to list to find all of them.
     *
     * @throws IllegalStateException if no part that holds a value is absent
     */
    String listPrefix() {
        List<String> known = knownDirectories();
        Segment open = segments.get(known.size());
        if (open.valuePrefix() == null) {
            throw new IllegalStateException("no part of " + template() + " is open to list");
        }
        return String.join("/", known) + "/" + open.valuePrefix();
    }

    /** The directories up to the first absent part or the file name. */
    private List<String> knownDirectories() {
        List<String> parts = new ArrayList<>();
        for (Segment segment : segments) {
            if (!segment.directory() || segment.text() == null) {
                break;
            }
            parts.add(segment.text());
        }
        return parts;
    }

    String prefix() {
        String path = path();
        return path.substring(0, path.length() - 1);
    }

    String template() {
        StringBuilder key = new StringBuilder();
        segments.forEach(segment -> segment.appendTemplate(key));
        return withBucket(key.toString());
    }

    private static void separated(StringBuilder key, String text) {
        if (!key.isEmpty()) {
            key.append('/');
        }
        key.append(text);
    }

    private String withBucket(String key) {
        return bucket == null ? "/" + key : SCHEME + bucket + "/" + key;
    }

    /** Rejects values that would break the layout; absent (null) values are allowed. */
    static String checkValue(String value, String field) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.indexOf('/') >= 0 || value.indexOf('{') >= 0 || value.indexOf('}') >= 0) {
            throw new IllegalArgumentException(field + " must be non-blank and contain no '/', '{' or '}': '" + value + "'");
        }
        return value;
    }
}

package io.clusterless.uri;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Walks the segments of a store URI given as {@code s3://bucket/key}, {@code /key} or {@code key}, in any of its
 * renderings (identifier, path, prefix, template). Template expressions and truncated paths read as absent parts.
 */
final class KeyReader {
    /** Optional path-segment expressions such as {@code {/attempt*}} expand to nothing when undefined. */
    private static final Pattern PATH_EXPRESSION = Pattern.compile("\\{/[^}]*}");
    private static final Pattern SLASHES = Pattern.compile("/{2,}");

    private final String input;
    private final String kind;
    private final String layout;
    private final String bucket;
    private final List<String> segments;
    private int position;

    private KeyReader(String input, String kind, String layout, String bucket, List<String> segments) {
        this.input = input;
        this.kind = kind;
        this.layout = layout;
        this.bucket = bucket;
        this.segments = segments;
    }

    /**
     * @param kind   what is being read, for messages, e.g. {@code manifest}
     * @param layout the expected key layout, for messages
     */
    static KeyReader read(String input, String kind, String layout) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException(kind + " URI is missing, expected " + layout);
        }
        String text = PATH_EXPRESSION.matcher(input.strip()).replaceAll("");
        String bucket = null;
        int scheme = text.indexOf("://");
        if (scheme >= 0) {
            if (!text.substring(0, scheme).toLowerCase(Locale.ROOT).equals("s3")) {
                throw new IllegalArgumentException(notA(kind) + input + ", only s3:// URIs or keys are "
                        + "accepted; expected " + layout);
            }
            text = text.substring(scheme + 3);
            int slash = text.indexOf('/');
            bucket = slash < 0 ? text : text.substring(0, slash);
            text = slash < 0 ? "" : text.substring(slash);
            if (bucket.isBlank()) {
                throw new IllegalArgumentException(notA(kind) + input + ", the bucket is missing");
            }
        }
        String key = SLASHES.matcher(text).replaceAll("/");
        key = key.startsWith("/") ? key.substring(1) : key;
        List<String> segments = key.isEmpty() ? List.of() : Arrays.asList(key.split("/"));
        return new KeyReader(input, kind, layout, bucket, segments);
    }

    String bucket() {
        return bucket;
    }

    boolean hasNext() {
        return position < segments.size();
    }

    /** The segment after the next one, or null. */
    String peekSecond() {
        return position + 1 < segments.size() ? segments.get(position + 1) : null;
    }

    String peek() {
        return hasNext() ? segments.get(position) : null;
    }

    String next() {
        return segments.get(position++);
    }

    void literal(String root) {
        if (!hasNext() || !next().equals(root)) {
            throw error("the key must start with " + root + "/");
        }
    }

    /** The value of the next {@code key=value} segment; null when the input ends first or holds a template there. */
    String named(String key) {
        if (!hasNext()) {
            return null;
        }
        String segment = next();
        if (!segment.startsWith(key + "=")) {
            throw error("found '" + segment + "' where " + key + "=… belongs");
        }
        return valueOrNull(segment.substring(key.length() + 1));
    }

    /** Consumes the file name if present; paths and prefixes end before it. */
    void file(String name) {
        if (hasNext() && !next().equals(name)) {
            throw error("found '" + segments.get(position - 1) + "' where " + name + " belongs");
        }
    }

    void end() {
        if (hasNext()) {
            throw error("unexpected '" + String.join("/", segments.subList(position, segments.size())) + "' at the end");
        }
    }

    static String valueOrNull(String value) {
        boolean template = value.startsWith("{") && value.endsWith("}");
        return value.isEmpty() || template ? null : value;
    }

    IllegalArgumentException error(String why) {
        return new IllegalArgumentException(notA(kind) + input + ", " + why + "; expected " + layout);
    }

    IllegalArgumentException error(String why, Exception cause) {
        return new IllegalArgumentException(notA(kind) + input + ", " + why + "; expected " + layout, cause);
    }

    private static String notA(String kind) {
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "not an " : "not a ") + kind + " URI: ";
    }
}

package io.clusterless.engine.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ant-style globs over separator-delimited paths: {@code ?} matches one character and {@code *} any characters
 * within a segment, a {@code **} segment matches any number of segments (none included), and a pattern ending with
 * the separator matches everything beneath it ({@code logs/} is {@code logs/**}), as in Ant.
 * <p>
 * A pattern and a path match only if both or neither start with the separator; empty segments ({@code a//b}) are
 * ignored. Characters are compared by code point, case-insensitively when asked.
 */
public final class PathMatcher {
    private static final String ANY_SEGMENTS = "**";

    private final String separator;
    private final boolean ignoreCase;

    /**
     * @param separator  the segment separator, e.g. {@code /}; not empty
     * @param ignoreCase whether letters match regardless of case
     */
    public PathMatcher(String separator, boolean ignoreCase) {
        Objects.requireNonNull(separator, "separator is required");
        if (separator.isEmpty()) {
            throw new IllegalArgumentException("path separator must not be empty");
        }
        this.separator = separator;
        this.ignoreCase = ignoreCase;
    }

    /** {@code /}-separated, case-sensitive. */
    public static PathMatcher slashes() {
        return new PathMatcher("/", false);
    }

    public String separator() {
        return separator;
    }

    public boolean ignoreCase() {
        return ignoreCase;
    }

    /** Whether {@code pattern} starts with the separator, i.e. is meant for absolute paths. */
    public boolean isAbsolute(String pattern) {
        return pattern.startsWith(separator);
    }

    public boolean matches(String pattern, String path) {
        Objects.requireNonNull(pattern, "pattern is required");
        Objects.requireNonNull(path, "path is required");
        if (isAbsolute(pattern) != path.startsWith(separator)) {
            return false;
        }
        List<String> patternSegments = segments(pattern);
        if (pattern.endsWith(separator)) {
            patternSegments.add(ANY_SEGMENTS);
        }
        return matchSegments(patternSegments, segments(path));
    }

    private List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        int from = 0;
        while (from <= text.length()) {
            int next = text.indexOf(separator, from);
            int end = next < 0 ? text.length() : next;
            if (end > from) {
                segments.add(text.substring(from, end));
            }
            if (next < 0) {
                break;
            }
            from = next + separator.length();
        }
        return segments;
    }

    /**
     * The classic wildcard walk with backtracking to the last {@code **}: linear in practice, and no recursion for a
     * hostile pattern to exhaust.
     */
    private boolean matchSegments(List<String> pattern, List<String> path) {
        int p = 0;
        int s = 0;
        int lastStar = -1;
        int starPath = 0;
        while (s < path.size()) {
            if (p < pattern.size() && pattern.get(p).equals(ANY_SEGMENTS)) {
                lastStar = p++;
                starPath = s;
            } else if (p < pattern.size() && matchSegment(pattern.get(p), path.get(s))) {
                p++;
                s++;
            } else if (lastStar >= 0) {
                p = lastStar + 1;
                s = ++starPath;
            } else {
                return false;
            }
        }
        while (p < pattern.size() && pattern.get(p).equals(ANY_SEGMENTS)) {
            p++;
        }
        return p == pattern.size();
    }

    /** The same walk within one segment, over code points: {@code *} any run, {@code ?} exactly one. */
    private boolean matchSegment(String pattern, String segment) {
        int[] pat = pattern.codePoints().toArray();
        int[] seg = segment.codePoints().toArray();
        int p = 0;
        int s = 0;
        int lastStar = -1;
        int starSegment = 0;
        while (s < seg.length) {
            if (p < pat.length && pat[p] == '*') {
                lastStar = p++;
                starSegment = s;
            } else if (p < pat.length && (pat[p] == '?' || same(pat[p], seg[s]))) {
                p++;
                s++;
            } else if (lastStar >= 0) {
                p = lastStar + 1;
                s = ++starSegment;
            } else {
                return false;
            }
        }
        while (p < pat.length && pat[p] == '*') {
            p++;
        }
        return p == pat.length;
    }

    private boolean same(int a, int b) {
        if (a == b) {
            return true;
        }
        return ignoreCase && (Character.toUpperCase(a) == Character.toUpperCase(b)
                || Character.toLowerCase(a) == Character.toLowerCase(b));
    }
}

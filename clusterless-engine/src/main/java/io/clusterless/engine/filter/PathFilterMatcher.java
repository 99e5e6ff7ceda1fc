package io.clusterless.engine.filter;

import io.clusterless.model.PathFilter;

import java.util.List;
import java.util.Objects;

/**
 * Applies a project's {@link PathFilter} to the objects of one dataset (reference §1.9). A pattern starting with the
 * separator is matched against the absolute path, the object key with a leading separator
 * ({@code /ingress/a/_SUCCESS}); any other pattern against the path relative to the dataset prefix
 * ({@code a/_SUCCESS} under {@code ingress/}). An object is kept iff (there are no includes or any include matches)
 * and no exclude matches. Blank patterns are ignored.
 */
public final class PathFilterMatcher {
    private final PathMatcher matcher;
    private final List<String> includes;
    private final List<String> excludes;
    private final String prefix;

    private PathFilterMatcher(PathMatcher matcher, List<String> includes, List<String> excludes, String prefix) {
        this.matcher = matcher;
        this.includes = includes;
        this.excludes = excludes;
        this.prefix = prefix;
    }

    /**
     * @param filter        the filter; null keeps everything
     * @param datasetPrefix the dataset's key prefix in its bucket, e.g. {@code ingress/} (a missing trailing
     *                      {@code /} is added: the prefix names a folder); empty for a whole bucket
     */
    public static PathFilterMatcher of(PathFilter filter, String datasetPrefix) {
        Objects.requireNonNull(datasetPrefix, "datasetPrefix is required");
        String prefix = datasetPrefix.isEmpty() || datasetPrefix.endsWith("/") ? datasetPrefix : datasetPrefix + "/";
        if (filter == null) {
            return new PathFilterMatcher(PathMatcher.slashes(), List.of(), List.of(), prefix);
        }
        String separator = filter.getPathSeparator() == null || filter.getPathSeparator().isEmpty()
                ? "/" : filter.getPathSeparator();
        return new PathFilterMatcher(new PathMatcher(separator, filter.isIgnoreCase()), nonBlank(filter.getIncludes()),
                nonBlank(filter.getExcludes()), prefix);
    }

    private static List<String> nonBlank(List<String> patterns) {
        return patterns == null ? List.of()
                : patterns.stream().filter(Objects::nonNull).filter(pattern -> !pattern.isBlank()).toList();
    }

    /** The dataset prefix, ending with {@code /} unless empty. */
    public String prefix() {
        return prefix;
    }

    /** Whether the key lies under the dataset prefix; keys outside it are not the dataset's objects. */
    public boolean contains(String key) {
        return key.startsWith(prefix) && key.length() > prefix.length();
    }

    /**
     * The key below the dataset prefix: {@code a/b/data.json} for {@code ingress/a/b/data.json} under
     * {@code ingress/}.
     *
     * @throws IllegalArgumentException for a key outside the dataset
     */
    public String relativePath(String key) {
        if (!contains(key)) {
            throw new IllegalArgumentException("object key " + key + " is not under the dataset prefix '" + prefix + "'");
        }
        // The original dropped one character too many here (§5.1 quirk); the prefix length is the exact cut.
        // Separators doubled after the prefix (ingress//a) would make the rest look absolute: drop them.
        String relative = key.substring(prefix.length());
        while (relative.startsWith(matcher.separator())) {
            relative = relative.substring(matcher.separator().length());
        }
        return relative;
    }

    /** The key as an absolute path: the separator, then the key. */
    public String absolutePath(String key) {
        return matcher.separator() + key;
    }

    /**
     * Whether the object at {@code key} (in the dataset's bucket, under its prefix) is kept.
     *
     * @throws IllegalArgumentException for a key outside the dataset
     */
    public boolean keeps(String key) {
        String relative = relativePath(key);
        String absolute = absolutePath(key);
        boolean included = includes.isEmpty() || includes.stream().anyMatch(pattern -> matches(pattern, absolute, relative));
        return included && excludes.stream().noneMatch(pattern -> matches(pattern, absolute, relative));
    }

    private boolean matches(String pattern, String absolute, String relative) {
        return matcher.matches(pattern, matcher.isAbsolute(pattern) ? absolute : relative);
    }

    /** Whether the filter keeps every object (no patterns). */
    public boolean keepsAll() {
        return includes.isEmpty() && excludes.isEmpty();
    }
}

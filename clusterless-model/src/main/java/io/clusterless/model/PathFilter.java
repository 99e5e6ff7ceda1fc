package io.clusterless.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * Ant-style include/exclude globs over object paths ({@code ?}, {@code *}, {@code **}). A pattern starting with the
 * separator matches the absolute path, otherwise the path relative to the dataset prefix. An object is kept when
 * (no includes or any include matches) and no exclude matches.
 */
@JsonPropertyOrder({"includes", "excludes", "pathSeparator", "ignoreCase"})
public class PathFilter {
    @JsonPropertyDescription("Globs of paths to keep; empty keeps everything.")
    private List<String> includes = new ArrayList<>();
    @JsonPropertyDescription("Globs of paths to drop, e.g. **/_* for _SUCCESS markers.")
    private List<String> excludes = new ArrayList<>();
    @JsonPropertyDescription("Path separator of the globs.")
    private String pathSeparator = "/";
    @JsonPropertyDescription("Match case-insensitively.")
    private boolean ignoreCase = false;

    public List<String> getIncludes() {
        return includes;
    }

    public List<String> getExcludes() {
        return excludes;
    }

    public String getPathSeparator() {
        return pathSeparator;
    }

    public boolean isIgnoreCase() {
        return ignoreCase;
    }
}

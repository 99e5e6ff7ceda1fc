package io.clusterless.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Common fields of every extensible component: resources, activities, boundaries and arcs. */
public abstract class Component {
    @JsonProperty(required = true)
    @JsonPropertyDescription("Component type id, e.g. aws:core:s3Bucket; see `cls show component --list`.")
    private String type;
    @JsonProperty(required = true)
    @JsonPropertyDescription("Component name, unique within its list; used in physical names and references.")
    private String name;
    @JsonPropertyDescription("true: skipped when synthesizing (not deployed, removed if previously deployed).")
    private boolean exclude = false;

    public String getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public boolean isExclude() {
        return exclude;
    }

    /**
     * Marks the component excluded after loading: deploy records what it deployed after the command line's
     * exclusions ({@code --exclude-arc}, {@code --only-resource}…), as reference §4.2 asks.
     */
    public void exclude() {
        this.exclude = true;
    }
}

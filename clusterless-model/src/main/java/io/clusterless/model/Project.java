package io.clusterless.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The project identity. Both parts appear (hyphenated or verbatim) in every physical name. */
@JsonPropertyOrder({"name", "version"})
public class Project {
    @JsonProperty(required = true)
    @JsonPropertyDescription("Project name, CamelCase; hyphenated into every physical name. Keep it short; changing it makes a new project.")
    private String name;
    @JsonProperty(required = true)
    @JsonPropertyDescription("Project version, e.g. 20230101-00; a new version deploys side by side with the old one.")
    private String version;

    public Project() {
    }

    public Project(String name, String version) {
        this.name = name;
        this.version = version;
    }

    public String getName() {
        return name;
    }

    public String getVersion() {
        return version;
    }

    /** {@code name/version}. */
    public String id() {
        return name + "/" + version;
    }
}

package io.clusterless.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * A dataset a boundary or arc produces: its identity ({@code name/version}) and where its objects live
 * ({@code s3://bucket/prefix/}, or {@code glue://[catalog]/database/table} for Glue sinks).
 */
@JsonPropertyOrder({"name", "version", "pathURI", "freshness"})
public class SinkDataset implements DatasetRef {
    @JsonProperty(required = true)
    @JsonPropertyDescription("Dataset name.")
    private String name;
    @JsonProperty(required = true)
    @JsonPropertyDescription("Dataset version; a new version is a new dataset.")
    private String version;
    @JsonProperty(required = true)
    @JsonPropertyDescription("Where the dataset's objects live: s3://bucket/prefix/ (glue://[catalog]/database/table for Glue sinks).")
    private String pathURI;
    @JsonPropertyDescription("How fresh the dataset is promised to be: {\"warnAfter\": \"PT30M\", \"errorAfter\": \"PT2H\"} "
            + "(ISO-8601 durations, the age of its newest complete lot). cls freshness reports the level.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private Freshness freshness;
    @JsonIgnore
    private boolean publish = true;

    public SinkDataset() {
    }

    public SinkDataset(String name, String version, String pathURI) {
        this.name = name;
        this.version = version;
        this.pathURI = pathURI;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getVersion() {
        return version;
    }

    public String getPathURI() {
        return pathURI;
    }

    /** The dataset's freshness targets, or null when it declares none. */
    public Freshness getFreshness() {
        return freshness;
    }

    /** Whether availability events are published for this dataset; not settable from project files. */
    @JsonIgnore
    public boolean isPublish() {
        return publish;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SinkDataset that && Objects.equals(name, that.name)
                && Objects.equals(version, that.version) && Objects.equals(pathURI, that.pathURI);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, pathURI);
    }

    @Override
    public String toString() {
        return id() + " at " + pathURI;
    }
}

package io.clusterless.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * A dataset an arc reads. Its location comes from the dataset's owner (a boundary or another arc's sink).
 * {@code subscribe=false} keeps read access and manifest paths but no events.
 */
@JsonPropertyOrder({"name", "version", "subscribe"})
public class SourceDataset implements DatasetRef {
    @JsonProperty(required = true)
    @JsonPropertyDescription("Name of the dataset to read.")
    private String name;
    @JsonProperty(required = true)
    @JsonPropertyDescription("Version of the dataset to read.")
    private String version;
    @JsonPropertyDescription("false: no events from this dataset (read access and manifest paths are kept).")
    private boolean subscribe = true;

    public SourceDataset() {
    }

    public SourceDataset(String name, String version, boolean subscribe) {
        this.name = name;
        this.version = version;
        this.subscribe = subscribe;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getVersion() {
        return version;
    }

    public boolean isSubscribe() {
        return subscribe;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceDataset that && subscribe == that.subscribe && Objects.equals(name, that.name)
                && Objects.equals(version, that.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, subscribe);
    }

    @Override
    public String toString() {
        return id();
    }
}

package io.clusterless.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Listens for lots of its source datasets, runs its workload on each, and writes its sink datasets' manifests.
 * Roles (map keys) are how a workload finds its inputs and outputs; the convention is {@code main}.
 */
public abstract class Arc<W extends WorkloadSettings> extends Component {
    @JsonProperty(required = true)
    @JsonPropertyDescription("Datasets this arc reads, by role.")
    private Map<String, SourceDataset> sources = new LinkedHashMap<>();
    @JsonProperty(required = true)
    @JsonPropertyDescription("Datasets this arc writes, by role.")
    private Map<String, SinkDataset> sinks = new LinkedHashMap<>();

    public Map<String, SourceDataset> getSources() {
        return sources;
    }

    public Map<String, SinkDataset> getSinks() {
        return sinks;
    }

    public abstract W getWorkload();
}

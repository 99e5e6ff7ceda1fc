package io.clusterless.arc;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every workload of an arc, Lambda or container, is told about its datasets (env {@code CLS_ARC_PROPS_JSON},
 * reference §4.7). Maps are keyed by role and never null.
 *
 * @param sources               role → source dataset
 * @param sinks                 role → sink dataset
 * @param sourceManifestPaths   role → manifest template with the state fixed to {@code complete}
 * @param sinkManifestTemplates role → manifest template ({@code …/lot={lot}/state={state}{/attempt*}/manifest.json})
 * @param workloadProps         arc-type specific settings, may be null
 */
@JsonPropertyOrder({"sources", "sinks", "sourceManifestPaths", "sinkManifestTemplates", "workloadProps"})
public record ArcProps(Map<String, SourceDataset> sources, Map<String, SinkDataset> sinks,
                       Map<String, String> sourceManifestPaths, Map<String, String> sinkManifestTemplates,
                       JsonNode workloadProps) {
    public ArcProps {
        sources = copy(sources);
        sinks = copy(sinks);
        sourceManifestPaths = copy(sourceManifestPaths);
        sinkManifestTemplates = copy(sinkManifestTemplates);
        workloadProps = workloadProps == null || workloadProps.isNull() ? null : workloadProps;
    }

    /** Keeps declaration order (roles read better in it) and makes the record immutable. */
    static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}

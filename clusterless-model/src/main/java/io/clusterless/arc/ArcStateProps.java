package io.clusterless.arc;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;

import java.util.Map;

/**
 * What an arc's start and complete gates are told (env {@code CLS_ARC_STATE_PROPS_JSON}, reference §3.7, §4.7).
 * Maps are keyed by role and never null.
 *
 * @param project      the project owning the arc
 * @param name         the arc name, as declared
 * @param sources      role → source dataset
 * @param sinks        role → sink dataset
 * @param arcStatePath the arc state template {@code …/arc=<arc>/lot={lot}/{state}.arc}
 * @param eventBusName the placement's arc bus, where completed sinks are announced
 */
@JsonPropertyOrder({"project", "name", "sources", "sinks", "arcStatePath", "eventBusName"})
public record ArcStateProps(ProjectId project, String name, Map<String, SourceDataset> sources,
                            Map<String, SinkDataset> sinks, String arcStatePath, String eventBusName) {
    public ArcStateProps {
        sources = ArcProps.copy(sources);
        sinks = ArcProps.copy(sinks);
    }
}

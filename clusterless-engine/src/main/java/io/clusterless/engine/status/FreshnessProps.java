package io.clusterless.engine.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterless.arc.ProjectId;
import io.clusterless.json.Json;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.Freshness;

import java.util.List;

/**
 * What a project's freshness watch checks on every tick: its datasets with targets, where their manifests are,
 * where the last level of each is kept, and the bus that hears of a change.
 */
public record FreshnessProps(ProjectId project, String manifestBucket, String metadataBucket, String eventBusName,
                             List<Watched> datasets) {
    /** The environment variable the freshness function reads these props from. */
    public static final String VARIABLE = "CLS_FRESHNESS_PROPS_JSON";

    /** One dataset with its lot unit and targets. */
    public record Watched(String name, String version, LotUnit unit, Freshness targets) {
        public String id() {
            return name + "/" + version;
        }
    }

    public FreshnessProps {
        datasets = List.copyOf(datasets);
    }

    public String toJson() {
        try {
            return Json.records().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write freshness props", e);
        }
    }

    public static FreshnessProps fromJson(String json) {
        try {
            return Json.records().readValue(json, FreshnessProps.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("freshness props are not valid: " + e.getOriginalMessage(), e);
        }
    }
}

package io.clusterless.engine.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterless.json.Json;
import io.clusterless.model.PathFilter;

/** PathFilters as a project file declares them. */
final class Filters {
    private Filters() {
    }

    static PathFilter filter(String json) {
        try {
            return Json.model().readValue(json, PathFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

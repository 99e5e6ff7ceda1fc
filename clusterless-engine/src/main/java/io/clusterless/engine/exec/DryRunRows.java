package io.clusterless.engine.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The rows of {@code cls exec --dry-run}: each lot, with what its arc type's {@link DryRunDetail} adds. */
public final class DryRunRows {
    private static final Map<String, DryRunDetail> DETAILS = load();

    private DryRunRows() {
    }

    public static ObjectNode row(BackfillLot lot, ArcPlan arc, PlacementPlan plan, ObjectStore store,
                                 Path projectDir) {
        ObjectNode row = Json.records().valueToTree(lot);
        DryRunDetail detail = DETAILS.get(arc.model().getType());
        if (detail != null) {
            detail.describe(row, lot, arc, plan, store, projectDir);
        }
        return row;
    }

    private static Map<String, DryRunDetail> load() {
        Map<String, DryRunDetail> details = new LinkedHashMap<>();
        for (DryRunDetail detail : ServiceLoader.load(DryRunDetail.class, DryRunRows.class.getClassLoader())) {
            if (details.putIfAbsent(detail.componentType(), detail) != null) {
                throw new IllegalStateException("two dry-run details declared for " + detail.componentType());
            }
        }
        return Map.copyOf(details);
    }
}

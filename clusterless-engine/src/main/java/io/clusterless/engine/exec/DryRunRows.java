package io.clusterless.engine.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.model.Arc;
import io.clusterless.model.Deployable;
import io.clusterless.model.component.ServiceIndex;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** {@link DryRunDetail#sample} of the arc's type. */
    public static Optional<String> sample(Arc<?> arc, List<Deployable> deployables, Path projectDir, Instant now) {
        DryRunDetail detail = DETAILS.get(arc.getType());
        return detail == null ? Optional.empty() : detail.sample(arc, deployables, projectDir, now);
    }

    private static Map<String, DryRunDetail> load() {
        Map<String, DryRunDetail> details = new LinkedHashMap<>();
        for (DryRunDetail detail : ServiceIndex.load(DryRunDetail.class)) {
            if (details.putIfAbsent(detail.componentType(), detail) != null) {
                throw new IllegalStateException("two dry-run details declared for " + detail.componentType());
            }
        }
        return Map.copyOf(details);
    }
}

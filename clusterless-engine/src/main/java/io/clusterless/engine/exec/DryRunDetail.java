package io.clusterless.engine.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.model.Arc;
import io.clusterless.model.Deployable;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code cls exec --dry-run} adds to a lot's row for arcs of one type (an athenaQueryArc: the statement that
 * would run), declared in the type's own folder in
 * {@code META-INF/services/io.clusterless.engine.exec.DryRunDetail}; a type without one shows the lot alone.
 */
public interface DryRunDetail {
    /** The component type id, e.g. {@code aws:core:athenaQueryArc}. */
    String componentType();

    void describe(ObjectNode row, BackfillLot lot, ArcPlan arc, PlacementPlan plan, ObjectStore store,
                  Path projectDir);

    /**
     * What {@code cls verify} shows for an arc of this type, with nothing deployed: e.g. the statement of one sample
     * lot that ended before {@code now}. Empty when the type has nothing to show.
     */
    default Optional<String> sample(Arc<?> arc, List<Deployable> deployables, Path projectDir, Instant now) {
        return Optional.empty();
    }
}

package io.clusterless.engine.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.store.ObjectStore;

import java.nio.file.Path;

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
}

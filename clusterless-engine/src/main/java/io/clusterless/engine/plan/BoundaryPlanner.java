package io.clusterless.engine.plan;

import io.clusterless.model.Boundary;

/**
 * Plans the boundaries of one component type: found with {@link java.util.ServiceLoader} by
 * {@link #componentType()} ({@code META-INF/services/io.clusterless.engine.plan.BoundaryPlanner}), so a new boundary
 * type plugs in its planner without editing {@link PlacementPlan}.
 */
public interface BoundaryPlanner {
    /** The component type id this planner places, e.g. {@code aws:core:s3PutListenerBoundary}. */
    String componentType();

    /** @param boundary a component of {@link #componentType()}, not excluded */
    BoundaryPlan plan(Boundary boundary, PlanContext context);
}

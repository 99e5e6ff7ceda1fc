package io.clusterless.engine.plan;

import io.clusterless.model.Activity;

/**
 * Plans the activities of one component type: found with {@link java.util.ServiceLoader} by
 * {@link #componentType()} ({@code META-INF/services/io.clusterless.engine.plan.ActivityPlanner}), so a new activity
 * type plugs in its planner without editing {@link PlacementPlan}.
 */
public interface ActivityPlanner {
    /** The component type id this planner places, e.g. {@code aws:core:cloudWatchExport}. */
    String componentType();

    /** @param activity a component of {@link #componentType()}, not excluded */
    ActivityPlan plan(Activity activity, PlanContext context);
}

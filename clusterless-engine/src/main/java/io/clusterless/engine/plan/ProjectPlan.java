package io.clusterless.engine.plan;

import io.clusterless.model.Deployable;
import io.clusterless.naming.ProjectNames;

import java.util.List;

/**
 * One deployable placed: its names and the plan of every component that is not excluded.
 */
public record ProjectPlan(Deployable deployable, ProjectNames names, List<BoundaryPlan> boundaries,
                          List<ArcPlan> arcs, List<ActivityPlan> activities) {
    public ProjectPlan {
        boundaries = List.copyOf(boundaries);
        arcs = List.copyOf(arcs);
        activities = List.copyOf(activities);
    }
}

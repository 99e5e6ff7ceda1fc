package io.clusterless.engine.plan;

import io.clusterless.model.Deployable;
import io.clusterless.model.reference.ReferenceResolver;
import io.clusterless.naming.PlacementNames;
import io.clusterless.naming.ProjectNames;

/**
 * What a type's planner may read while planning one component: the placement, the names of its project and the
 * references among the project's components.
 */
public record PlanContext(PlacementNames placement, Deployable deployable, ProjectNames names,
                          ReferenceResolver references) {
}

package io.clusterless.engine.plan;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.core.activity.cloudwatch.CloudWatchExportActivity;
import io.clusterless.model.core.boundary.s3put.S3PutListenerBoundary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every registered boundary and activity type has a planner, found by its type id. */
class PlannersTest {
    private static final ComponentRegistry MODEL = ComponentRegistry.defaultRegistry();

    @Test
    void everyRegisteredBoundaryAndActivityTypeHasAPlanner() {
        assertThat(Planners.defaultPlanners().problems(MODEL)).isEmpty();
    }

    @Test
    void aBoundaryOrActivityTypeWithoutAPlannerIsNamed() {
        List<ComponentType> types = new ArrayList<>(MODEL.all());
        types.add(new ComponentType("test:core:otherBoundary", ComponentKind.BOUNDARY, S3PutListenerBoundary.class,
                "s", "d", List.of("int")));
        types.add(new ComponentType("test:core:otherActivity", ComponentKind.ACTIVITY,
                CloudWatchExportActivity.class, "s", "d", List.of("act")));

        assertThat(Planners.defaultPlanners().problems(new ComponentRegistry(types))).containsExactly(
                "test:core:otherBoundary: no BoundaryPlanner declared",
                "test:core:otherActivity: no ActivityPlanner declared");
    }
}

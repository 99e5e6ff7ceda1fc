package io.clusterless.engine.plan;

import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.core.activity.cloudwatch.CloudWatchExportActivity;
import io.clusterless.model.core.boundary.s3put.S3PutListenerBoundary;
import org.junit.jupiter.api.Test;

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
        assertThat(new Planners(List.of(), List.of()).problems(MODEL)).containsExactly(
                S3PutListenerBoundary.TYPE + ": no BoundaryPlanner declared",
                CloudWatchExportActivity.TYPE + ": no ActivityPlanner declared");
    }
}

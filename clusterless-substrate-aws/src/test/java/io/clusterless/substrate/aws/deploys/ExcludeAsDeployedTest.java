package io.clusterless.substrate.aws.deploys;

import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.model.Component;
import io.clusterless.model.Deployable;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.naming.PlacementNames;
import io.clusterless.substrate.aws.synth.SynthOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Deploy records what it deployed: the command line's exclusions reach project.json and the arc records. */
class ExcludeAsDeployedTest {
    private static Deployable copyChain() {
        return new ProjectLoader().loadAll(List.of(ProjectSource.file(Path.of("..", "examples", "copy-chain",
                "project.json")))).deployables().get(0);
    }

    private static SynthOptions options(Set<String> excludeArcs, Set<String> onlyResources) {
        return new SynthOptions(Path.of("-"), false, excludeArcs, false, onlyResources, false, false, true);
    }

    @Test
    void excludedArcs_areMarked_andLeaveThePlanAndSoTheRecords() {
        Deployable deployable = copyChain();

        ProjectDeployment.excludeAsDeployed(deployable, options(Set.of("copyB"), Set.of()));

        assertThat(deployable.getArcs()).filteredOn(Component::isExclude).extracting(Component::getName)
                .containsExactly("copyB");
        assertThat(PlacementPlan.of(new PlacementNames("dev", "123456789012", "us-west-2"), List.of(deployable))
                .projects().get(0).arcs()).extracting(ArcPlan::name).containsExactly("copyA", "copyC");
    }

    @Test
    void onlyResource_leavesOutArcsBoundariesAndOtherResources() {
        Deployable deployable = copyChain();

        ProjectDeployment.excludeAsDeployed(deployable, options(Set.of(), Set.of("bucket")));

        assertThat(deployable.getArcs()).allMatch(Component::isExclude);
        assertThat(deployable.getBoundaries()).allMatch(Component::isExclude);
        assertThat(deployable.getResources()).noneMatch(Component::isExclude);
    }
}

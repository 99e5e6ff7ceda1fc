package io.clusterless.local.run;

import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.resource.LocalResourceType;
import io.clusterless.local.workload.LocalArcType;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.local.workload.LocalExecutorContext;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.core.arc.s3copy.S3CopyArc;
import io.clusterless.model.core.resource.s3bucket.S3BucketResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every arc type either executes on the local substrate or says why not, and every resource type says what it is
 * locally; an arc type that does not run locally is said before anything runs, and the rest of the placement runs.
 */
class LocalTypesTest {
    private static final ComponentRegistry MODEL = ComponentRegistry.defaultRegistry();
    private static final String BUCKET = "dev-cls-copy-chain-123456789012-us-west-2";

    @TempDir
    Path root;

    @Test
    void everyRegisteredArcAndResourceTypeHasItsLocalSide() {
        assertThat(LocalTypes.defaultTypes().problems(MODEL)).isEmpty();
        assertThat(MODEL.ofKind(ComponentKind.ARC)).isNotEmpty().allSatisfy(type ->
                assertThat(LocalTypes.defaultTypes().arc(type.id())).as(type.id()).isPresent());
    }

    @Test
    void anArcOrResourceTypeWithoutItsLocalSideIsNamed() {
        List<LocalArcType> arcs = new ArrayList<>(LocalTypes.defaultTypes().arcTypes());
        arcs.removeIf(type -> type.componentType().equals(S3CopyArc.TYPE));
        List<LocalResourceType> resources = new ArrayList<>(LocalTypes.defaultTypes().resourceTypes());
        resources.removeIf(type -> type.componentType().equals(S3BucketResource.TYPE));

        assertThat(new LocalTypes(arcs, resources).problems(MODEL)).containsExactly(
                S3CopyArc.TYPE + ": no LocalArcType declared (a local executor, or why it is not supported locally)",
                S3BucketResource.TYPE + ": no LocalResourceType declared (what it is locally)");
    }

    @Test
    void notSupportedLocallyNeedsAReason() {
        LocalTypes types = new LocalTypes(List.of(unsupported(S3CopyArc.TYPE, " ")), List.of());

        assertThat(types.problems(MODEL)).contains(S3CopyArc.TYPE + ": not supported locally, without a reason "
                + "for the user");
    }

    @Test
    void anArcTypeNotSupportedLocallyIsSaidBeforeAnythingRunsAndItsArcsAreLeftOut() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "copy-chain/project.json");
        LotId lot = placement.lotsAgo(LotUnit.TWELFTHS, 1);
        placement.land(BUCKET, "ingress/2023/a.csv", "a", LocalPlacement.within(lot));
        List<LocalArcType> arcs = new ArrayList<>(LocalTypes.defaultTypes().arcTypes());
        arcs.removeIf(type -> type.componentType().equals(S3CopyArc.TYPE));
        arcs.add(unsupported(S3CopyArc.TYPE, "needs a cloud"));
        LocalTypes types = new LocalTypes(arcs, LocalTypes.defaultTypes().resourceTypes());

        try (LocalRunner runner = new LocalRunner(placement.plan, new RunOptions(root, placement.projectDir, true, 1,
                null), placement.clock, System.getenv("PATH"), types)) {
            assertThat(runner.notices()).containsExactly(
                    "arc copyA of CopyChain is not run: aws:core:s3CopyArc does not run locally (needs a cloud)",
                    "arc copyB of CopyChain is not run: aws:core:s3CopyArc does not run locally (needs a cloud)",
                    "arc copyC of CopyChain is not run: aws:core:s3CopyArc does not run locally (needs a cloud)");
            runner.run(progress -> { });
            RunProgress progress = runner.progress();
            assertThat(progress.lotsClosed()).isEqualTo(1); // the boundary runs
            assertThat(progress.arcRuns()).isZero();
            assertThat(progress.failed()).isZero();
        }
        assertThat(placement.exists(BUCKET, "copy-a/2023/a.csv")).isFalse();
    }

    private static LocalArcType unsupported(String type, String reason) {
        return new LocalArcType() {
            @Override
            public String componentType() {
                return type;
            }

            @Override
            public Optional<String> notSupportedLocally() {
                return Optional.of(reason);
            }

            @Override
            public LocalExecutor executor(LocalPlan.ArcEntry arc, LocalExecutorContext context) {
                throw new AssertionError("an arc that does not run locally gets no executor");
            }
        };
    }
}

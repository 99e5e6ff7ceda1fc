package io.clusterless.local.endpoint;

import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.model.core.arc.batch.BatchExecArc;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** examples/s3-access-logs: its batch arc reads the landed logs and writes Parquet, and that is all it may touch. */
class WorkloadGrantTest {
    private static final String BUCKET = "dev-cls-access-logs-123456789012-us-west-2";
    private static final String MANIFESTS = "dev-clusterless-manifest-123456789012-us-west-2";
    private static final String LOT = "lot=20230101PT5M042/state=complete/manifest.json";

    private final LocalPlan plan = LocalPlan.of(new ProjectLoader()
            .loadAll(List.of(ProjectSource.file(Path.of("..", "examples", "s3-access-logs", "project.json"))))
            .deployables());
    private final ArcPlan arc = plan.placementPlan().projects().get(0).arcs().stream()
            .filter(candidate -> candidate.model() instanceof BatchExecArc).findFirst().orElseThrow();
    private final WorkloadGrant grant = WorkloadGrant.forArc(arc.workloadProps(), arc.sourceOwners(),
            plan.placement().manifestBucket());

    @Test
    void aBatchArcReadsItsSourceAndItsManifestsButWritesNeither() {
        assertThat(grant.mayRead(BUCKET, "landing/access-logs/2023-01-01-00-12-31-5F3A")).isTrue();
        assertThat(grant.mayRead(MANIFESTS, "datasets/name=access-logs-raw/version=20230101/" + LOT)).isTrue();

        assertThat(grant.mayWrite(BUCKET, "landing/access-logs/2023-01-01-00-12-31-5F3A")).isFalse();
        assertThat(grant.mayWrite(MANIFESTS, "datasets/name=access-logs-raw/version=20230101/" + LOT)).isFalse();
    }

    @Test
    void aBatchArcWritesItsSinkAndItsManifests() {
        assertThat(grant.mayWrite(BUCKET, "parquet/access-logs/day=20230101/lot=20230101PT5M042/part-0.parquet"))
                .isTrue();
        assertThat(grant.mayWrite(MANIFESTS, "datasets/name=access-logs-parquet/version=20230101/" + LOT)).isTrue();
    }

    @Test
    void aBatchArcCannotTouchArcStateOrOtherKeysOfItsBuckets() {
        String arcState = plan.placement().arcStateBucket();

        assertThat(grant.namesBucket(arcState)).isFalse();
        assertThat(grant.mayRead(arcState, "arcs/")).isFalse();
        assertThat(grant.mayWrite(arcState, "")).isFalse();
        assertThat(grant.mayRead(BUCKET, "other/secret.csv")).isFalse();
        assertThat(grant.mayList(BUCKET, "other/")).isFalse();
        assertThat(grant.mayList(BUCKET, "")).isTrue();
        assertThat(grant.mayRead(MANIFESTS, "datasets/name=access-logs-raw-copy/version=20230101/" + LOT)).isFalse();
    }
}

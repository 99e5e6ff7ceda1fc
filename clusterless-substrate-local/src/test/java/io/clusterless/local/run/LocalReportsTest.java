package io.clusterless.local.run;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.status.ArcLots;
import io.clusterless.engine.status.GapFinder;
import io.clusterless.engine.status.ListenerHistory;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.SortedMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status and gap scans that report commands use read a local placement through the same ObjectStore port as
 * an AWS one: the file store answers their listings from the same keys.
 */
class LocalReportsTest {
    private static final String BUCKET = "dev-cls-copy-chain-123456789012-us-west-2";

    @TempDir
    Path root;

    @Test
    void statusAndGapScansReadTheLocalPlacementsArcStates() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "copy-chain/project.json");
        LotId lot = placement.lotsAgo(LotUnit.TWELFTHS, 3);
        placement.land(BUCKET, "ingress/a.csv", "a", LocalPlacement.within(lot));
        placement.runUntilIdle();
        FileObjectStore store = new FileObjectStore(root);
        ProjectPlan project = placement.plan.placementPlan().projects().get(0);
        ArcPlan copyC = project.arcs().get(2);
        LotRange window = new LotRange(lot, placement.lotsAgo(LotUnit.TWELFTHS, 0));

        SortedMap<LotId, ArcState> states = ArcLots.scan(store, copyC.gateProps().arcStateURI(), window);
        GapFinder gaps = new GapFinder(placement.plan.placementPlan(), store, ListenerHistory.ALWAYS_ENABLED,
                placement.clock, window);

        assertThat(states).hasSize(3).containsValue(ArcState.complete).doesNotContainValue(ArcState.missing);
        assertThat(gaps.arcGaps(project, copyC)).isEmpty();
    }
}

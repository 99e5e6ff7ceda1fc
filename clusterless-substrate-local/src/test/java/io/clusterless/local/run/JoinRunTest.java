package io.clusterless.local.run;

import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.status.GapCause;
import io.clusterless.engine.status.GapFinder;
import io.clusterless.engine.status.ListenerHistory;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.local.workload.function.FunctionLaunchers;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * examples/orders-join on the local substrate (ADR-0011): the join runs a lot only once orders and payments both
 * hold it, across separate `cls local run`s and in either order of arrival, and its function gets both sources.
 */
class JoinRunTest {
    private static final String BUCKET = "dev-cls-orders-join-123456789012-us-west-2";
    private static final String ARC_STATE = "dev-clusterless-arc-state-123456789012-us-west-2";
    private static final Path DATA = LocalPlacement.EXAMPLES.resolve("orders-join/data");
    private static final String FIRST = "20230101PT5M001";
    private static final String SECOND = "20230101PT5M002";
    private static final String HOUR = "20230101PT1H000";

    @TempDir
    Path root;

    @Test
    void aLotWaitsAcrossRunsForItsSecondSource_inEitherOrder_thenJoinsBoth() throws Exception {
        assumeTrue(FunctionLaunchers.onPath("python3", System.getenv("PATH")).isPresent(), "python3 is not on the PATH");
        LocalPlacement placement = new LocalPlacement(root, "orders-join/project.json");
        // lot 001: orders first; lot 002: payments first
        land(placement, "orders/orders-20230101T0005Z.csv");
        land(placement, "payments/payments-20230101T0010Z.csv");

        RunProgress first = placement.runUntilIdle();

        assertThat(first.failed()).isZero();
        assertThat(first.arcRuns()).as("no lot has both sources yet").isZero();
        assertThat(placement.exists(BUCKET, "joined/lot=" + FIRST + "/orders-payments.csv")).isFalse();
        assertThat(Files.exists(placement.file(ARC_STATE, stateDir(FIRST)))).as("a waiting lot writes no state")
                .isFalse();
        ProjectPlan project = placement.plan.placementPlan().projects().get(0);
        ArcPlan join = project.arcs().get(0);
        GapFinder gaps = new GapFinder(placement.plan.placementPlan(), new FileObjectStore(root),
                ListenerHistory.ALWAYS_ENABLED, placement.clock, new LotRange(LotId.parse(FIRST),
                LotId.parse(SECOND).plus(1)));
        assertThat(gaps.arcGaps(project, join)).allSatisfy(gap -> assertThat(gap.cause())
                .isEqualTo(GapCause.waiting)).extracting(gap -> gap.lot() + " " + gap.waitingFor())
                .containsExactly(FIRST + " [dataset payments/20230101 lot " + FIRST + "]",
                        SECOND + " [dataset orders/20230101 lot " + SECOND + "]");

        land(placement, "payments/payments-20230101T0005Z.csv");
        land(placement, "orders/orders-20230101T0010Z.csv");
        RunProgress second = placement.runUntilIdle();

        assertThat(second.failed()).isZero();
        assertThat(second.arcRuns()).as("the two joins, then the hourly roll-up, late (ADR-0012)").isEqualTo(3);
        assertThat(placement.read(BUCKET, "joined/lot=" + FIRST + "/orders-payments.csv").lines())
                .containsExactly("order_id,customer,amount,paid,status", "1001,alice,25.00,25.00,paid",
                        "1002,bob,12.50,0.00,unpaid", "1003,carol,40.00,20.00,partly-paid");
        assertThat(placement.read(BUCKET, "joined/lot=" + SECOND + "/orders-payments.csv").lines())
                .contains("1005,erin,99.90,99.90,paid");
        assertThat(placement.read(ARC_STATE, stateDir(FIRST) + "complete.arc").lines()
                .filter(line -> line.contains("\"state\":\"running\"")).count()).as("one run of the lot").isEqualTo(1);
        assertThat(placement.read(BUCKET, "hourly/lot=" + HOUR + "/customers.csv").lines()).containsExactly(
                "customer,ordered,paid", "alice,25.00,25.00", "bob,12.50,0.00", "carol,40.00,20.00", "dave,8.00,8.00",
                "erin,99.90,99.90");
        String hourly = placement.read(ARC_STATE, "arcs/project=OrdersJoin/version=20230101-00/arc=hourly/lot=" + HOUR
                + "/complete.arc");
        assertThat(hourly.lines().filter(line -> line.contains("\"state\":\"running\""))).singleElement()
                .asString().contains("\"late\":[\"dataset orders-joined/20230101 lot 20230101PT5M000\",")
                .contains("lot 20230101PT5M011\"]").doesNotContain(FIRST).doesNotContain(SECOND);
    }

    private static void land(LocalPlacement placement, String file) throws Exception {
        placement.land(BUCKET, "landing/" + file, Files.readString(DATA.resolve(file)),
                Instant.parse("2023-01-01T00:00:00Z"));
    }

    private static String stateDir(String lot) {
        return "arcs/project=OrdersJoin/version=20230101-00/arc=join/lot=" + lot + "/";
    }
}

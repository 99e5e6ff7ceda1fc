package io.clusterless.local.run;

import io.clusterless.engine.arc.ArcStartGate;
import io.clusterless.engine.listener.ListenerSwitches;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.status.GapFinder;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.local.workload.function.FunctionLaunchers;
import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * examples/scheduled-report on the local substrate (ADR-0013), each run with a fixed clock: `cls local run
 * --until-idle` fires the ticks that passed since the arcs were first placed, each once, across restarts, including
 * a tick whose run was killed; a disabled schedule fires nothing.
 */
class ScheduleRunTest {
    private static final String BUCKET = "dev-cls-scheduled-report-123456789012-us-west-2";
    private static final String ARC_STATE = "dev-clusterless-arc-state-123456789012-us-west-2";
    private static final String METADATA = "dev-clusterless-metadata-123456789012-us-west-2";
    /** Placed at 01:52:30 UTC; the five-minute ticks come at 01:55, 02:00, 02:05, the nightly one at 02:00. */
    private static final Instant PLACED = Instant.parse("2026-12-07T01:52:30Z");

    @TempDir
    Path root;
    private LocalPlan plan;
    private Path projectDir;

    @BeforeEach
    void load() {
        assumeTrue(FunctionLaunchers.onPath("python3", System.getenv("PATH")).isPresent(), "python3 is not on the PATH");
        LocalPlacement placement = LocalPlacement.placedNow(root, "scheduled-report/project.json");
        plan = placement.plan;
        projectDir = placement.projectDir;
    }

    @Test
    void ticksFireOnceEachAcrossRestarts_aKilledTickRunsAgain_andNoneIsSkippedOrRepeated() throws Exception {
        RunProgress placing = runAt(PLACED);
        assertThat(placing.arcRuns()).as("no tick has come since the placement").isZero();
        LocalPut.put("order_id,customer,amount\n1,alice,25.00\n2,bob,12.50\n".getBytes(), BUCKET,
                "landing/orders/orders-1.csv", new FileObjectStore(root), Instant.parse("2026-12-07T01:53:00Z"));

        RunProgress first = runAt(Instant.parse("2026-12-07T01:56:00Z"));

        assertThat(first.failed()).isZero();
        assertThat(first.arcRuns()).as("the 01:55 tick").isEqualTo(1);
        assertThat(read(BUCKET, "report/lot=20261207PT5M022/report.json"))
                .isEqualTo("{\"lot\": \"20261207PT5M022\", \"orders\": 2, \"total\": 37.5}");

        // a run at 02:00:30 started the 02:00 tick of report and was killed before its workload ran
        LocalPlan.ArcEntry report = plan.arcs().stream().filter(arc -> arc.model().getName().equals("report"))
                .findFirst().orElseThrow();
        Clock killed = Clock.fixed(Instant.parse("2026-12-07T02:00:30Z"), ZoneOffset.UTC);
        assertThat(ArcStartGate.runsWorkload(new ArcStartGate(report.gateProps(), new FileObjectStore(root), killed)
                .tick(Instant.parse("2026-12-07T02:00:00Z"), LotUnit.TWELFTHS))).isTrue();

        Instant restart = Instant.parse("2026-12-07T02:07:00Z");
        assertThat(gaps("report", restart)).as("what cls gaps says before the restart").containsExactly(
                "20261207PT5M023 running", "20261207PT5M024 missedTick");

        RunProgress restarted = runAt(restart);

        assertThat(restarted.failed()).isZero();
        assertThat(restarted.arcRuns()).as("02:00 (killed) and 02:05 of report, 02:00 of nightly").isEqualTo(3);
        assertThat(runsOf("report", "20261207PT5M022")).as("the 01:55 tick is not repeated").isEqualTo(1);
        assertThat(runsOf("report", "20261207PT5M023")).as("the killed run, then its rerun").isEqualTo(2);
        assertThat(read(BUCKET, "report/lot=20261207PT5M023/report.json")).contains("\"orders\": 0");
        assertThat(runsOf("report", "20261207PT5M024")).isEqualTo(1);
        assertThat(read(BUCKET, "nightly/lot=20261206PT24H000/nightly.json")).contains("\"sources\": []");
        assertThat(Files.exists(root.resolve("buckets").resolve(ARC_STATE)
                .resolve(stateDir("report", "20261207PT5M021")))).as("before the placement: no tick").isFalse();

        assertThat(runAt(Instant.parse("2026-12-07T02:07:00Z")).arcRuns()).as("restarted again: nothing to fire")
                .isZero();
        assertThat(gaps("report", restart)).isEmpty();
    }

    @Test
    void aDisabledScheduleFiresNothing_andItsTicksStayUnfiredAfterItIsEnabled() throws Exception {
        runAt(PLACED);
        new ListenerSwitches(new FileObjectStore(root), METADATA, Clock.fixed(PLACED.plusSeconds(10), ZoneOffset.UTC))
                .record("ScheduledReport", "20261206-00", "report", false, "test");

        RunProgress disabled = runAt(Instant.parse("2026-12-07T01:56:00Z"));

        assertThat(disabled.arcRuns()).isZero();
        new ListenerSwitches(new FileObjectStore(root), METADATA,
                Clock.fixed(Instant.parse("2026-12-07T01:57:00Z"), ZoneOffset.UTC))
                .record("ScheduledReport", "20261206-00", "report", true, "test");
        RunProgress enabled = runAt(Instant.parse("2026-12-07T02:01:00Z"));
        assertThat(enabled.arcRuns()).as("02:00 of both arcs; 01:55 came while disabled").isEqualTo(2);
        assertThat(Files.exists(root.resolve("buckets").resolve(ARC_STATE)
                .resolve(stateDir("report", "20261207PT5M022")))).isFalse();
        assertThat(gaps("report", Instant.parse("2026-12-07T02:01:00Z"))).containsExactly("20261207PT5M022 disabled");
    }

    /** The scheduled arc's gaps in lots 020 to 026, as cls gaps reports them at {@code now}. */
    private List<String> gaps(String arc, Instant now) {
        FileObjectStore store = new FileObjectStore(root);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        ProjectPlan project = plan.placementPlan().projects().get(0);
        ArcPlan planned = project.arcs().stream().filter(candidate -> candidate.name().equals(arc)).findFirst()
                .orElseThrow();
        GapFinder finder = new GapFinder(plan.placementPlan(), store, new ListenerSwitches(store, METADATA, clock),
                clock, new LotRange(LotId.parse("20261207PT5M020"), LotId.parse("20261207PT5M027")));
        return finder.arcGaps(project, planned).stream().map(gap -> gap.lot() + " " + gap.cause()).toList();
    }

    private RunProgress runAt(Instant now) throws InterruptedException {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        try (LocalRunner runner = new LocalRunner(plan, new RunOptions(root, projectDir, true, 2, null), clock)) {
            runner.run(progress -> { });
            return runner.progress();
        }
    }

    private long runsOf(String arc, String lot) throws Exception {
        Path dir = root.resolve("buckets").resolve(ARC_STATE).resolve(stateDir(arc, lot));
        return Files.readString(dir.resolve("complete.arc")).lines()
                .filter(line -> line.contains("\"state\":\"running\"")).count();
    }

    private String read(String bucket, String key) throws Exception {
        return Files.readString(root.resolve("buckets").resolve(bucket).resolve(key));
    }

    private static String stateDir(String arc, String lot) {
        return "arcs/project=ScheduledReport/version=20261206-00/arc=" + arc + "/lot=" + lot + "/";
    }

}

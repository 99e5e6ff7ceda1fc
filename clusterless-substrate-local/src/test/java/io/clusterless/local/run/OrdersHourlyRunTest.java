package io.clusterless.local.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.status.GapFinder;
import io.clusterless.engine.status.ListenerHistory;
import io.clusterless.lot.LotRange;
import io.clusterless.json.Json;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * examples/orders-hourly on the local substrate: batch workloads over an hour of five-minute lots (ADR-0012). The
 * roll-up {@code hourly} and the scheduled roll-up {@code ticked} run rollup.py as a process, which reads the start
 * gate's covered-manifests document ({@code CLS_COVERED_MANIFESTS_URI}) and then every manifest it names.
 */
class OrdersHourlyRunTest {
    private static final String BUCKET = "dev-cls-orders-hourly-123456789012-us-west-2";
    private static final String MANIFESTS = "dev-clusterless-manifest-123456789012-us-west-2";
    private static final String ARC_STATE = "dev-clusterless-arc-state-123456789012-us-west-2";

    @TempDir
    Path root;

    @BeforeEach
    void tools() throws Exception {
        Process probe = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "rollup.py needs python3 with boto3 on the PATH");
    }

    @Test
    void aBatchRollUpOfAnHourOverTwelfths_oneOfThemEmpty_readsEveryCoveredManifest() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "orders-hourly/project.json");
        LotId hour = LotId.parse("20230101PT1H001");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LotId twelfth = LotId.of(LotUnit.TWELFTHS, hour.start()).plus(i);
            if (i == 4) {
                expected.add(emptyManifest(twelfth));
                continue;
            }
            String minute = "%02d".formatted(i * 5);
            placement.land(BUCKET, "landing/orders/orders-20230101T01" + minute + "Z.csv",
                    "order_id,customer,amount\n" + (2000 + i) + ",c" + i + ",1.50\n",
                    Instant.parse("2023-01-01T02:00:00Z"));
            expected.add(manifest(twelfth, ManifestState.complete));
        }

        RunProgress progress = placement.runUntilIdle();

        assertThat(progress.failed()).isZero();
        JsonNode summary = Json.records().readTree(placement.read(BUCKET, "hourly/lot=" + hour.format()
                + "/summary.json"));
        List<String> read = new ArrayList<>();
        summary.path("manifests").forEach(entry -> read.add(entry.path("manifest").asText()));
        assertThat(read).as("the process read every covered manifest, in lot order").isEqualTo(expected);
        assertThat(summary.path("manifests").get(4).path("state").asText()).isEqualTo("empty");
        assertThat(summary.path("orders").asInt()).isEqualTo(11);
        assertThat(summary.path("total").asDouble()).isEqualTo(16.5);
        assertThat(summary.path("missing")).isEmpty();
        assertThat(runs("hourly", hour.format())).isEqualTo(1);
        assertThat(placement.exists(MANIFESTS, "datasets/name=orders-hourly/version=20230101/lot=" + hour.format()
                + "/state=complete/manifest.json")).isTrue();
    }

    @Test
    void aScheduledBatchRollUpRunsEachHourAtItsTick_withTheLotsThereThen_onceAcrossRestarts() throws Exception {
        LocalPlacement placement = LocalPlacement.placedNow(root, "orders-hourly/project.json");
        assertThat(runAt(placement, Instant.parse("2026-12-07T00:52:30Z")).arcRuns()).as("placed; no tick yet")
                .isZero();
        LotId hour = LotId.parse("20261207PT1H001");
        for (String minute : List.of("05", "10", "20")) {
            placement.land(BUCKET, "landing/orders/orders-20261207T01" + minute + "Z.csv",
                    "order_id,customer,amount\n1,alice,2.00\n2,bob,3.00\n", Instant.parse("2026-12-07T01:30:00Z"));
        }
        String empty = emptyManifest(LotId.parse("20261207PT5M018"));

        RunProgress first = runAt(placement, Instant.parse("2026-12-07T02:00:30Z"));

        assertThat(first.failed()).isZero();
        assertThat(runs("ticked", "20261207PT1H000")).as("the 01:00 tick").isEqualTo(1);
        assertThat(runs("ticked", hour.format())).as("the 02:00 tick").isEqualTo(1);
        JsonNode summary = Json.records().readTree(placement.read(BUCKET, "ticked/lot=" + hour.format()
                + "/summary.json"));
        assertThat(summary.path("orders").asInt()).isEqualTo(6);
        assertThat(summary.path("manifests")).hasSize(4);
        assertThat(summary.path("manifests").get(3).path("manifest").asText()).isEqualTo(empty);
        assertThat(summary.path("missing")).as("the hour's other eight lots").hasSize(8);
        assertThat(runningLine("ticked", hour.format())).as("recorded in the attempt, as a late start is")
                .contains("\"late\":[\"dataset orders/20230101 lot 20261207PT5M012\",")
                .contains("lot 20261207PT5M023\"]");

        assertThat(runAt(placement, Instant.parse("2026-12-07T02:00:45Z")).arcRuns()).as("restarted: no tick due")
                .isZero();
        RunProgress later = runAt(placement, Instant.parse("2026-12-07T03:00:30Z"));

        assertThat(later.failed()).isZero();
        assertThat(runs("ticked", "20261207PT1H002")).as("the 03:00 tick").isEqualTo(1);
        assertThat(runs("ticked", hour.format())).as("not repeated across restarts").isEqualTo(1);
        assertThat(runs("ticked", "20261207PT1H000")).isEqualTo(1);
        assertThat(gaps(placement, "ticked", Instant.parse("2026-12-07T03:00:30Z"))).as("what cls gaps says")
                .containsExactly("20261207PT1H000 late 12", "20261207PT1H001 late 8", "20261207PT1H002 late 12");
    }

    /** The arc's gaps in hours 000 to 002, as cls gaps reports them at {@code now}. */
    private List<String> gaps(LocalPlacement placement, String arc, Instant now) {
        FileObjectStore store = new FileObjectStore(root);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        ProjectPlan project = placement.plan.placementPlan().projects().get(0);
        ArcPlan planned = project.arcs().stream().filter(candidate -> candidate.name().equals(arc)).findFirst()
                .orElseThrow();
        GapFinder finder = new GapFinder(placement.plan.placementPlan(), store, ListenerHistory.ALWAYS_ENABLED, clock,
                new LotRange(LotId.parse("20261207PT1H000"), LotId.parse("20261207PT1H003")));
        return finder.arcGaps(project, planned).stream()
                .map(gap -> gap.lot() + " " + gap.cause() + " " + gap.late().size()).toList();
    }

    private RunProgress runAt(LocalPlacement placement, Instant now) throws InterruptedException {
        try (LocalRunner runner = new LocalRunner(placement.plan, new RunOptions(root, placement.projectDir, true, 2,
                null), Clock.fixed(now, ZoneOffset.UTC))) {
            runner.run(progress -> { });
            return runner.progress();
        }
    }

    private String emptyManifest(LotId lot) {
        ManifestURI uri = ManifestURI.of(MANIFESTS, new io.clusterless.model.SourceDataset("orders", "20230101", true))
                .withLot(lot).withState(ManifestState.empty);
        new ManifestStore(new FileObjectStore(root)).create(uri, new Manifest(ManifestState.empty, null,
                lot.format(), UriType.identifier, List.of()));
        return uri.identifier();
    }

    private static String manifest(LotId lot, ManifestState state) {
        return "s3://" + MANIFESTS + "/datasets/name=orders/version=20230101/lot=" + lot.format() + "/state="
                + state + "/manifest.json";
    }

    private long runs(String arc, String lot) throws Exception {
        Path complete = stateDir(arc, lot).resolve("complete.arc");
        return !Files.exists(complete) ? 0 : Files.readString(complete).lines()
                .filter(line -> line.contains("\"state\":\"running\"")).count();
    }

    private String runningLine(String arc, String lot) throws Exception {
        return Files.readString(stateDir(arc, lot).resolve("complete.arc")).lines()
                .filter(line -> line.contains("\"state\":\"running\"")).findFirst().orElseThrow();
    }

    private Path stateDir(String arc, String lot) {
        return root.resolve("buckets").resolve(ARC_STATE).resolve("arcs/project=OrdersHourly/version=20230101-00/arc="
                + arc + "/lot=" + lot);
    }
}

package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.boundary.BoundaryLedger;
import io.clusterless.engine.boundary.LateArrival;
import io.clusterless.json.Json;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.model.SinkDataset;
import io.clusterless.naming.PlacementNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operating a local placement end to end, black box: status, gaps with their causes, disable/enable and exec on
 * the copy chain (ingress → copyA → copyB → copyC).
 */
class OperateLocalTest {
    private static final String BUCKET = "dev-cls-copy-chain-123456789012-us-west-2";
    private static final String MANIFESTS = new PlacementNames("dev", "123456789012", "us-west-2").manifestBucket();
    private static final String INGRESS = "s3://" + BUCKET + "/ingress/";

    @TempDir
    Path root;

    private String project() {
        return Examples.file("copy-chain/project.json").toString();
    }

    private Cls.Result cls(String... args) {
        List<String> all = new ArrayList<>(List.of("--output", "json"));
        all.addAll(List.of(args));
        all.addAll(List.of("-p", project(), "-P", "local", "--local-root", root.toString()));
        return Cls.run(all.toArray(String[]::new));
    }

    private static JsonNode json(Cls.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return Json.records().readTree(result.out());
    }

    /** Runs the sample data with copyB disabled; returns the lot the sample files fell in. */
    private LotId runWithCopyBDisabled() throws Exception {
        json(cls("disable", "--arc", "copyB", "--reason", "test"));
        Cls.Result run = Cls.run("local", "run", "-p", project(), "--local-root", root.toString(), "--until-idle",
                "--put", Examples.file("copy-chain/data") + "=" + INGRESS);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode lots = json(cls("datasets", "status", "--name", "chain-ingress", "--list", "--earliest", "3h"));
        for (JsonNode lot : lots) {
            if (lot.path("manifestState").asText().equals("complete")) {
                return LotId.parse(lot.path("lotId").asText());
            }
        }
        throw new AssertionError("no complete ingress lot in " + lots);
    }

    /** The folder of an arc's state for a lot, in the local root. */
    private Path arcState(String arc, LotId lot) {
        return root.resolve("buckets").resolve(new PlacementNames("dev", "123456789012", "us-west-2").arcStateBucket())
                .resolve("arcs/project=CopyChain/version=20230101-00/arc=" + arc + "/lot=" + lot.format());
    }

    /** The states of a state object's history, oldest first. */
    private static List<String> states(Path stateObject) throws Exception {
        List<String> states = new ArrayList<>();
        for (String line : Files.readAllLines(stateObject)) {
            if (!line.isBlank()) {
                states.add(Json.records().readTree(line).path("state").asText());
            }
        }
        return states;
    }

    private static JsonNode gap(JsonNode gaps, String name, LotId lot) {
        for (JsonNode gap : gaps) {
            if (gap.path("name").asText().equals(name) && gap.path("lot").asText().equals(lot.format())) {
                return gap;
            }
        }
        return null;
    }

    @Test
    void gapsNameEachIncompleteLotWithItsCause_andExecFillsTheFillableOnes() throws Exception {
        LotId lot = runWithCopyBDisabled();
        String earliest = lot.previous().format();
        String latest = lot.next().format();

        // an object that came after the lot's manifest, recorded as the boundary records it (ADR-0001)
        String late = INGRESS + "2023/01/01/orders-4.csv";
        new BoundaryLedger(new FileObjectStore(root), MANIFESTS, new SinkDataset("chain-ingress", "20230101", INGRESS))
                .recordLate(lot, LateArrival.of(late, lot.format(), lot.end().plusSeconds(60), null, null));

        JsonNode gaps = json(cls("gaps", "--earliest", earliest, "--latest", latest));
        assertThat(gap(gaps, "copyA", lot)).as("copyA completed the lot").isNull();
        assertThat(gap(gaps, "chain-ingress/20230101", lot).path("cause").asText()).isEqualTo("lateArrivals");
        assertThat(gap(gaps, "copyA", lot.previous()).path("cause").asText()).isEqualTo("noUpstreamData");
        assertThat(gap(gaps, "copyB", lot).path("cause").asText()).isEqualTo("disabled");
        assertThat(gap(gaps, "copyC", lot).path("cause").asText()).isEqualTo("upstreamMissing");
        assertThat(gap(gaps, "copyC", lot).path("upstream").asText()).isEqualTo("dataset chain-b/20230101 lot "
                + lot.format());

        JsonNode dryRun = json(cls("exec", "--arc", "copyB", "--earliest", earliest, "--latest", latest,
                "--dry-run"));
        assertThat(dryRun).hasSize(1);
        assertThat(dryRun.get(0).path("lot").asText()).isEqualTo(lot.format());
        assertThat(dryRun.get(0).path("reason").asText()).contains("never ran");

        // the workload fails: the objects it copies are gone
        Path copied = root.resolve("buckets").resolve(BUCKET).resolve("copy-a");
        Path aside = root.resolve("aside");
        Files.move(copied, aside);
        Cls.Result failed = cls("exec", "--arc", "copyB", "--lot", lot.format());
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        JsonNode afterFailure = json(cls("gaps", "--arc", "copyB", "--earliest", lot.format(), "--latest",
                latest));
        assertThat(gap(afterFailure, "copyB", lot).path("cause").asText()).isEqualTo("failed");
        assertThat(gap(afterFailure, "copyB", lot).path("error").asText()).isNotEmpty();

        Files.move(aside, copied);
        json(cls("enable", "--arc", "copyB"));
        JsonNode filled = json(cls("exec", "--arc", "copyB", "--earliest", earliest, "--latest", latest));
        assertThat(filled).hasSize(1);
        assertThat(filled.get(0).path("outcome").asText()).isEqualTo("complete");

        JsonNode after = json(cls("gaps", "--earliest", lot.format(), "--latest", latest));
        assertThat(gap(after, "copyB", lot)).as("copyB filled").isNull();
        assertThat(gap(after, "copyC", lot)).as("copyC ran on copyB's announcement").isNull();
        try (Stream<Path> files = Files.walk(root.resolve("buckets").resolve(BUCKET).resolve("copy-c"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(3);
        }

        // replay copyA over the lot: the earlier sink manifest stays as a superseded attempt, the new one is current
        JsonNode plan = json(cls("exec", "--arc", "copyA", "--lot", lot.format(), "--replay", "--dry-run"));
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).path("arcState").asText()).isEqualTo("complete");
        assertThat(plan.get(0).path("reason").asText()).contains("superseded");
        Path chainA = root.resolve("buckets").resolve(MANIFESTS).resolve("datasets/name=chain-a/version=20230101")
                .resolve("lot=" + lot.format());
        byte[] before = Files.readAllBytes(chainA.resolve("state=complete/manifest.json"));
        // copyB forgets the lot, so that the replay's announcement visibly reaches it
        Path copyBLot = arcState("copyB", lot);
        try (Stream<Path> files = Files.walk(copyBLot)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        JsonNode replayed = json(cls("exec", "--arc", "copyA", "--lot", lot.format(), "--replay"));
        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0).path("outcome").asText()).isEqualTo("complete");
        String run = replayed.get(0).path("replayed").asText();
        assertThat(run).isNotEmpty();
        assertThat(replayed.get(0).path("superseded").get(0).asText())
                .endsWith("/lot=" + lot.format() + "/state=complete/attempt=" + run + "/manifest.json");
        assertThat(chainA.resolve("state=complete/attempt=" + run + "/manifest.json")).hasBinaryContent(before);
        assertThat(chainA.resolve("state=complete/manifest.json")).as("the replay's manifest is current").exists();
        assertThat(states(arcState("copyA", lot).resolve("complete.arc"))).as("copyA's lot history")
                .containsExactly("running", "complete", "missing", "running", "complete");
        assertThat(states(copyBLot.resolve("complete.arc"))).as("copyB ran on the replay's announcement")
                .containsExactly("running", "complete");
        JsonNode listed = json(cls("datasets", "status", "--name", "chain-a", "--list", "--earliest", lot.format(),
                "--latest", latest));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("manifestState").asText()).isEqualTo("complete");
        assertThat(listed.get(0).path("supersededAttempts").asInt()).isEqualTo(1);
        JsonNode afterReplay = json(cls("gaps", "--earliest", lot.format(), "--latest", latest));
        for (String arc : List.of("copyA", "copyB", "copyC")) {
            assertThat(gap(afterReplay, arc, lot)).as(arc + " after the replay").isNull();
        }
        assertThat(json(cls("exec", "--arc", "copyA", "--lot", lot.format(), "--dry-run")))
                .as("without --replay a complete lot is not run").isEmpty();

        // a replay that stopped after keeping the manifest aside: gaps says how to finish it, and that finishes it
        List<String> history = Files.readAllLines(arcState("copyA", lot).resolve("complete.arc"));
        String lastRun = Json.records().readTree(history.get(history.size() - 1)).path("arcAttempt").asText();
        Path kept = chainA.resolve("state=complete/attempt=" + lastRun + "/manifest.json");
        Files.createDirectories(kept.getParent());
        Files.move(chainA.resolve("state=complete/manifest.json"), kept);
        JsonNode interrupted = gap(json(cls("gaps", "--dataset", "chain-a", "--earliest", lot.format(), "--latest",
                latest)), "chain-a/20230101", lot);
        assertThat(interrupted.path("cause").asText()).isEqualTo("failed");
        assertThat(interrupted.path("detail").asText()).contains("cls exec --replay --arc copyA --lot " + lot.format());
        JsonNode finished = json(cls("exec", "--arc", "copyA", "--lot", lot.format(), "--replay"));
        assertThat(finished.get(0).path("outcome").asText()).isEqualTo("complete");
        assertThat(json(cls("gaps", "--dataset", "chain-a", "--earliest", lot.format(), "--latest", latest)))
                .isEmpty();
    }

    @Test
    void arcsStatusSummarisesEachArcWithProjectNameAndVersion() throws Exception {
        LotId lot = runWithCopyBDisabled();

        JsonNode status = json(cls("arcs", "status", "--earliest", lot.format(), "--latest", lot.next().format()));

        assertThat(status).hasSize(3);
        JsonNode copyA = status.get(0);
        assertThat(copyA.path("project").path("name").asText()).isEqualTo("CopyChain");
        assertThat(copyA.path("project").path("version").asText()).isEqualTo("20230101-00");
        assertThat(copyA.path("name").asText()).isEqualTo("copyA");
        assertThat(copyA.path("complete").asLong()).isEqualTo(1);
        assertThat(copyA.path("range").asLong()).isEqualTo(1);
        assertThat(status.get(1).path("totalFound").asLong()).isZero();
        assertThat(status.get(1).path("rangeGap").asLong()).isEqualTo(1);
    }

    @Test
    void aTimeThatIsNeitherLotInstantNorRelativeIsRefusedInOneLine() {
        Cls.Result result = cls("gaps", "--earliest", "yesterday-ish");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().strip()).contains("--earliest yesterday-ish").doesNotContain("\n");
    }

    @Test
    void disablingAnUnknownArcSaysWhichNameIsUnknown() {
        Cls.Result result = cls("disable", "--arc", "nope");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("no arc named nope");
    }

    /** A second version of the project: its own copyA over the same ingress dataset, into its own sink. */
    private Path secondVersion() throws Exception {
        Path file = root.resolve("copy-chain-v2.json");
        Files.writeString(file, """
                {
                  "project": {"name": "CopyChain", "version": "20230201-00"},
                  "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"},
                  "arcs": [{
                    "type": "aws:core:s3CopyArc",
                    "name": "copyA",
                    "sources": {"main": {"name": "chain-ingress", "version": "20230101"}},
                    "sinks": {"main": {"name": "chain-a", "version": "20230201",
                      "pathURI": "s3://%s/copy-a-v2/"}}
                  }]
                }
                """.formatted(BUCKET));
        return file;
    }

    @Test
    void twoVersionsSideBySide_areToldApart_andExecBackfillsTheNewOnesHistory() throws Exception {
        LotId lot = runWithCopyBDisabled();
        String v2 = secondVersion().toString();
        String[] window = {"--earliest", lot.format(), "--latest", lot.next().format()};

        JsonNode before = json(cls(concat(new String[]{"arcs", "status", "--name", "copyA", "-p", v2}, window)));
        assertThat(before).hasSize(2);
        assertThat(byVersion(before, "20230101-00").path("complete").asLong()).isEqualTo(1);
        assertThat(byVersion(before, "20230201-00").path("complete").asLong()).isZero();
        assertThat(byVersion(before, "20230201-00").path("project").path("name").asText()).isEqualTo("CopyChain");
        JsonNode gaps = json(cls(concat(new String[]{"gaps", "--arc", "copyA", "-p", v2}, window)));
        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).path("project").asText()).isEqualTo("CopyChain/20230201-00");
        assertThat(gaps.get(0).path("cause").asText()).isEqualTo("neverRan");

        JsonNode filled = json(cls(concat(new String[]{"exec", "--arc", "copyA", "-p", v2}, window)));
        assertThat(filled).as("the old version's copyA completed the lot already").hasSize(1);
        assertThat(filled.get(0).path("project").path("version").asText()).isEqualTo("20230201-00");
        assertThat(filled.get(0).path("outcome").asText()).isEqualTo("complete");
        assertThat(json(cls(concat(new String[]{"gaps", "--arc", "copyA", "-p", v2}, window)))).isEmpty();
        try (Stream<Path> files = Files.walk(root.resolve("buckets").resolve(BUCKET).resolve("copy-a-v2"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(3);
        }
    }

    private static JsonNode byVersion(JsonNode rows, String version) {
        for (JsonNode row : rows) {
            if (row.path("project").path("version").asText().equals(version)) {
                return row;
            }
        }
        throw new AssertionError("no row of version " + version + " in " + rows);
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}

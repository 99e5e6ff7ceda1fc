package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cls graph}: the copy chain run locally, with copyB switched off, drawn as it stands. */
class GraphCommandTest {
    private static final String COPY_CHAIN = Examples.file("copy-chain/project.json").toString();
    private static final String INGRESS = "s3://dev-cls-copy-chain-123456789012-us-west-2/ingress/";

    @TempDir
    Path root;

    @BeforeEach
    void runTheChainWithCopyBDisabled() {
        assertThat(Cls.run("disable", COPY_CHAIN, "-P", "local", "--local-root", root.toString(), "--arc", "copyB")
                .exitCode()).isZero();
        Cls.Result run = Cls.run("local", "run", COPY_CHAIN, "--local-root", root.toString(), "--until-idle",
                "--put", Examples.file("copy-chain/data") + "=" + INGRESS);
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private Cls.Result graph(String format) {
        return Cls.run("graph", COPY_CHAIN, "-P", "local", "--local-root", root.toString(), "--format", format);
    }

    @Test
    void json_listsEveryBoundaryDatasetAndArc_withTheEdgesBetweenThem_andEachOnesLatestState() throws Exception {
        Cls.Result result = graph("json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode graph = Json.records().readTree(result.out());
        List<String> nodes = new ArrayList<>();
        graph.path("nodes").forEach(node -> nodes.add(node.path("id").asText() + " " + node.path("state").asText()));
        assertThat(nodes).containsExactly(
                "boundary:CopyChain/20230101-00/ingressListener null",
                // the sample files' lot; the empty intervals after it ended before the placement (ADR-0007)
                "dataset:chain-ingress/20230101 complete",
                "arc:CopyChain/20230101-00/copyA complete",
                "dataset:chain-a/20230101 complete",
                // switched off: it never ran, so it has no lot and wrote nothing
                "arc:CopyChain/20230101-00/copyB null",
                "dataset:chain-b/20230101 null",
                "arc:CopyChain/20230101-00/copyC null",
                "dataset:chain-c/20230101 null");
        List<String> edges = new ArrayList<>();
        graph.path("edges").forEach(edge -> edges.add(edge.path("from").asText() + " -> " + edge.path("to").asText()));
        assertThat(edges).containsExactly(
                "boundary:CopyChain/20230101-00/ingressListener -> dataset:chain-ingress/20230101",
                "dataset:chain-ingress/20230101 -> arc:CopyChain/20230101-00/copyA",
                "arc:CopyChain/20230101-00/copyA -> dataset:chain-a/20230101",
                "dataset:chain-a/20230101 -> arc:CopyChain/20230101-00/copyB",
                "arc:CopyChain/20230101-00/copyB -> dataset:chain-b/20230101",
                "dataset:chain-b/20230101 -> arc:CopyChain/20230101-00/copyC",
                "arc:CopyChain/20230101-00/copyC -> dataset:chain-c/20230101");
    }

    @Test
    void allDeployed_drawsEveryProjectOfThePlacement_withEachNodesState() throws Exception {
        // a second project run in the same placement, with its own ingress and arc
        Path other = root.resolve("other.json");
        Files.writeString(other, """
                {"project": {"name": "Other", "version": "1"},
                 "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"},
                 "boundaries": [{"type": "aws:core:s3PutListenerBoundary", "name": "in", "lotUnit": "Twelfths",
                   "dataset": {"name": "other-in", "version": "1",
                               "pathURI": "s3://dev-cls-copy-chain-123456789012-us-west-2/other-in/"}}],
                 "arcs": [{"type": "aws:core:s3CopyArc", "name": "copy",
                   "sources": {"main": {"name": "other-in", "version": "1"}},
                   "sinks": {"main": {"name": "other-out", "version": "1",
                                      "pathURI": "s3://dev-cls-copy-chain-123456789012-us-west-2/other-out/"}}}]}
                """);
        Cls.Result run = Cls.run("local", "run", other.toString(), "--local-root", root.toString(), "--until-idle",
                "--put", Examples.file("copy-chain/data") + "=s3://dev-cls-copy-chain-123456789012-us-west-2/other-in/");
        assertThat(run.exitCode()).as(run.toString()).isZero();

        Cls.Result result = Cls.run("graph", "--all-deployed", "-P", "local", "--local-root", root.toString(),
                "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode graph = Json.records().readTree(result.out());
        List<String> nodes = new ArrayList<>();
        graph.path("nodes").forEach(node -> nodes.add(node.path("id").asText() + " " + node.path("state").asText()));
        assertThat(nodes).contains("arc:CopyChain/20230101-00/copyA complete", "dataset:chain-a/20230101 complete",
                "arc:CopyChain/20230101-00/copyB null", "arc:Other/1/copy complete", "dataset:other-out/1 complete");
        List<String> edges = new ArrayList<>();
        graph.path("edges").forEach(edge -> edges.add(edge.path("from").asText() + " -> " + edge.path("to").asText()));
        assertThat(edges).contains("dataset:chain-a/20230101 -> arc:CopyChain/20230101-00/copyB",
                "dataset:other-in/1 -> arc:Other/1/copy", "arc:Other/1/copy -> dataset:other-out/1");
        // the files alone know only themselves
        assertThat(graph("json").out()).doesNotContain("Other/1");
    }

    @Test
    void mermaid_drawsTheSameGraph_colouredByState() {
        Cls.Result result = graph("mermaid");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("flowchart LR");
        assertThat(lines).contains("  n0[/\"ingressListener<br/>s3PutListenerBoundary\"/]",
                "  n0 --> n1", "  n1 -- main --> n2", "  class n2 ok", "  classDef ok fill:#d4edda,stroke:#28a745");
        assertThat(lines).filteredOn(line -> line.startsWith("  class ")).hasSize(3);
        assertThat(lines).anyMatch(line -> line.startsWith("  n4[[\"copyB<br/>s3CopyArc<br/>no lot in window\"]]"));
    }

    @Test
    void dot_isAGraphvizDigraph() {
        Cls.Result result = graph("dot");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("digraph lineage {\n  rankdir=LR;")
                .contains("\"dataset:chain-a/20230101\" -> \"arc:CopyChain/20230101-00/copyB\" [label=\"main\"];")
                .contains("shape=cylinder, style=filled, fillcolor=\"#d4edda\"").endsWith("}\n");
    }

    /**
     * The window is given as lots around the sample data's lot, all before the interval the run was placed in: from
     * that interval on, every interval that ends gets a manifest (ADR-0007), so a window reaching up to now (as
     * {@code --earliest 3h} did) saw an empty lot ('.') whenever the run crossed a five-minute boundary.
     */
    @Test
    void statusStrips_drawOneCharacterPerLot_underALegend() throws IOException {
        LotId sample = sampleLot();
        // 20 lots before the sample's and 4 after it; the placement came an hour (12 lots) after it (local run
        // dates placed files an hour back), so none of these lots can get an empty manifest
        String earliest = sample.plus(-20).format();
        String latest = sample.plus(5).format();
        Cls.Result datasets = Cls.run("datasets", "status", COPY_CHAIN, "-P", "local", "--local-root",
                root.toString(), "--strip", "--earliest", earliest, "--latest", latest);
        Cls.Result arcs = Cls.run("--output", "json", "arcs", "status", COPY_CHAIN, "-P", "local", "--local-root",
                root.toString(), "--strip", "--earliest", earliest, "--latest", latest);

        assertThat(datasets.exitCode()).as(datasets.toString()).isZero();
        List<String> lines = datasets.out().lines().toList();
        assertThat(lines.get(0)).startsWith("# complete  . empty  _ missing").contains("lot of PT5M a character");
        // 25 five-minute lots: the sample data's lot, and no manifest for the empty intervals before the placement
        assertThat(lines).anyMatch(line -> line.matches("chain-ingress/20230101\\s+_{20}#_{4}"));
        assertThat(lines).anyMatch(line -> line.matches("chain-b/20230101\\s+_{25}"));
        assertThat(arcs.exitCode()).as(arcs.toString()).isZero();
        assertThat(arcs.out()).contains("\"strip\"");
    }

    /** The one lot of chain-ingress with a complete manifest: the sample files' lot, whenever the run was. */
    private LotId sampleLot() throws IOException {
        Pattern complete = Pattern.compile(".*/datasets/name=chain-ingress/version=20230101/lot=([^/]+)/state=complete/"
                + ManifestURI.FILE);
        try (Stream<Path> files = Files.walk(root)) {
            List<String> lots = files.map(path -> complete.matcher(path.toString().replace('\\', '/')))
                    .filter(Matcher::matches).map(found -> found.group(1)).toList();
            assertThat(lots).hasSize(1);
            return LotId.parse(lots.get(0));
        }
    }
}

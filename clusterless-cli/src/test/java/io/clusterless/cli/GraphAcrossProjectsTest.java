package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cls graph} across two projects deployed in one local placement: Downstream's arcs read datasets that
 * CopyChain's boundary and arcs write, so the edge runs from CopyChain's dataset node to Downstream's arc node, each
 * with its own latest state. CopyChain's copyB is switched off, so chain-b and the arc reading it have no lot.
 */
class GraphAcrossProjectsTest {
    private static final String BUCKET = "dev-cls-copy-chain-123456789012-us-west-2";
    private static final String COPY_CHAIN = Examples.file("copy-chain/project.json").toString();
    /** Reads chain-ingress (CopyChain's boundary's), chain-a (copyA's) and chain-b (copyB's). */
    static final String DOWNSTREAM = Path.of("src/test/resources/graph/downstream.json").toAbsolutePath().toString();
    static final String CHAIN = "CopyChain/20230101-00";

    @TempDir
    static Path dir;
    static String root;

    @BeforeAll
    static void runBothProjectsInOnePlacement() throws Exception {
        root = dir.resolve("root").toString();
        Cls.Result disable = Cls.run("disable", COPY_CHAIN, "-P", "local", "--local-root", root, "--arc", "copyB");
        assertThat(disable.exitCode()).as(disable.toString()).isZero();
        Cls.Result run = Cls.run("local", "run", COPY_CHAIN, DOWNSTREAM, "--local-root", root,
                "--until-idle", "--put", Examples.file("copy-chain/data") + "=s3://" + BUCKET + "/ingress/");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private static Cls.Result graph(String... args) {
        List<String> all = new ArrayList<>(List.of("graph", "-P", "local", "--local-root", root));
        all.addAll(List.of(args));
        Cls.Result result = Cls.run(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    /** Each node as "id project state". */
    static Map<String, String> nodes(JsonNode graph) {
        Map<String, String> nodes = new HashMap<>();
        graph.path("nodes").forEach(node -> assertThat(nodes.put(node.path("id").asText(),
                node.path("project").asText() + " " + node.path("state").asText()))
                .as("one node per id").isNull());
        return nodes;
    }

    static List<String> edges(JsonNode graph) {
        List<String> edges = new ArrayList<>();
        graph.path("edges").forEach(edge -> edges.add(edge.path("from").asText() + " -> " + edge.path("to").asText()));
        return edges;
    }

    @Test
    void allDeployed_joinsTheProducersDatasetToTheConsumersArc_eachWithItsLatestState() throws Exception {
        JsonNode graph = Json.records().readTree(graph("--all-deployed", "--format", "json").out());

        Map<String, String> nodes = nodes(graph);
        // the datasets belong to the project that writes them, their state is what that project wrote
        assertThat(nodes).containsEntry("dataset:chain-ingress/20230101", CHAIN + " complete")
                .containsEntry("dataset:chain-a/20230101", CHAIN + " complete")
                .containsEntry("dataset:chain-b/20230101", CHAIN + " null")
                // the consuming arcs belong to Downstream, their state is their own run's
                .containsEntry("arc:Downstream/1/fromIngress", "Downstream/1 complete")
                .containsEntry("arc:Downstream/1/fromA", "Downstream/1 complete")
                .containsEntry("arc:Downstream/1/fromB", "Downstream/1 null")
                .containsEntry("dataset:down-a/1", "Downstream/1 complete")
                .containsEntry("dataset:down-b/1", "Downstream/1 null");
        assertThat(edges(graph)).contains(
                "boundary:" + CHAIN + "/ingressListener -> dataset:chain-ingress/20230101",
                "dataset:chain-ingress/20230101 -> arc:Downstream/1/fromIngress",
                "arc:" + CHAIN + "/copyA -> dataset:chain-a/20230101",
                "dataset:chain-a/20230101 -> arc:Downstream/1/fromA",
                "arc:" + CHAIN + "/copyB -> dataset:chain-b/20230101",
                "dataset:chain-b/20230101 -> arc:Downstream/1/fromB",
                "arc:Downstream/1/fromA -> dataset:down-a/1");
        // every edge joins two drawn nodes
        assertThat(edges(graph)).allSatisfy(edge -> assertThat(nodes).containsKeys(edge.split(" -> ")));
    }

    @Test
    void theConsumerAlone_stillDrawsTheProducersDatasetWithItsState_ownedByNoGivenProject() throws Exception {
        JsonNode graph = Json.records().readTree(graph("--deployed", "Downstream", "--format", "json").out());

        Map<String, String> nodes = nodes(graph);
        assertThat(nodes).containsEntry("dataset:chain-a/20230101", "null complete")
                .containsEntry("arc:Downstream/1/fromA", "Downstream/1 complete")
                .doesNotContainKey("arc:" + CHAIN + "/copyA");
        assertThat(edges(graph)).contains("dataset:chain-a/20230101 -> arc:Downstream/1/fromA");
    }

    @Test
    void mermaidAndDot_drawTheEdgeBetweenTheProjects() {
        List<String> mermaid = graph("--all-deployed", "--format", "mermaid").out().lines().toList();
        String dot = graph("--all-deployed", "--format", "dot").out();

        String chainA = mermaidId(mermaid, "chain-a/20230101<br/>complete");
        String fromA = mermaidId(mermaid, "fromA<br/>s3CopyArc<br/>complete");
        assertThat(mermaid).contains("  " + chainA + " -- main --> " + fromA, "  class " + chainA + " ok",
                "  class " + fromA + " ok");
        assertThat(dot).contains("\"dataset:chain-a/20230101\" -> \"arc:Downstream/1/fromA\" [label=\"main\"];")
                .contains("\"dataset:chain-ingress/20230101\" -> \"arc:Downstream/1/fromIngress\" [label=\"main\"];");
    }

    @Test
    void theStatusPage_carriesTheEdgeBetweenTheProjects() throws Exception {
        String html = Files.readString(report("status.html"));

        // the data the page draws its lineage from, as the page's script holds it
        int start = html.indexOf("const DATA = ") + "const DATA = ".length();
        JsonNode data = Json.records().readTree(html.substring(start, html.indexOf(";\n", start)));
        assertThat(nodes(data)).containsEntry("dataset:chain-a/20230101", CHAIN + " complete")
                .containsEntry("arc:Downstream/1/fromA", "Downstream/1 complete");
        assertThat(edges(data)).contains("dataset:chain-a/20230101 -> arc:Downstream/1/fromA",
                "dataset:chain-ingress/20230101 -> arc:Downstream/1/fromIngress");
    }

    @Test
    void inTheBrowser_theStatusPagesLineageDrawsALineFromTheProducersDatasetToTheConsumersArc() throws Exception {
        Chromium.assumeInstalled();
        Path page = report("browser.html");
        ChromeDriver browser = Chromium.start(dir);
        try {
            browser.get(page.toUri().toString());
            String from = "dataset:chain-a/20230101";
            String to = "arc:Downstream/1/fromA";

            WebElement line = browser.findElement(By.cssSelector(
                    "#lineage path[data-from='" + from + "'][data-to='" + to + "']"));
            WebElement dataset = browser.findElement(By.cssSelector("#lineage g.node[data-id='" + from + "']"));
            WebElement arc = browser.findElement(By.cssSelector("#lineage g.node[data-id='" + to + "']"));

            assertThat(dataset.getAttribute("data-state")).isEqualTo("complete");
            assertThat(arc.getAttribute("data-state")).isEqualTo("complete");
            // the line leaves the dataset's box at its right side and ends at the arc's box's left side
            @SuppressWarnings("unchecked")
            List<Number> gaps = (List<Number>) browser.executeScript("""
                    const box = e => e.getBoundingClientRect();
                    const line = box(arguments[0]), from = box(arguments[1].querySelector('rect')),
                          to = box(arguments[2].querySelector('rect'));
                    return [line.left - from.right, line.right - to.left];""", line, dataset, arc);
            assertThat(gaps).allSatisfy(gap -> assertThat(Math.abs(gap.doubleValue())).isLessThan(1.0));
        } finally {
            browser.quit();
        }
    }

    /** The status page of every project deployed in the placement, written by cls report. */
    private static Path report(String name) {
        Path page = dir.resolve(name);
        Cls.Result report = Cls.run("report", "--all-deployed", "-P", "local", "--local-root", root,
                "--earliest", "3h", "--html", page.toString());
        assertThat(report.exitCode()).as(report.toString()).isZero();
        return page;
    }

    /** The Mermaid id of the node whose label starts with {@code label}. */
    private static String mermaidId(List<String> lines, String label) {
        return lines.stream().filter(line -> line.contains("\"" + label)).map(line -> line.strip().split("\\[")[0])
                .findFirst().orElseThrow(() -> new AssertionError("no node " + label + " in " + lines));
    }
}

package io.clusterless.cli.command.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.options.SubstrateOptions;
import io.clusterless.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code cls graph}: the lineage of datasets through boundaries and arcs, for people (Mermaid, DOT) and scripts. */
@Command(name = "graph",
        description = {"Draw how data flows: boundaries -> datasets -> arcs -> datasets, across the given project "
                + "files, deployed projects, or every project deployed in a placement (--all-deployed), each dataset and arc with its latest lot in the window and that "
                + "lot's state (complete, empty, partial, running, missing).",
                "Mermaid renders in GitHub and most Markdown viewers; DOT with Graphviz (dot -Tsvg); json lists the "
                        + "nodes and edges with stable ids.", ""},
        footer = {"", "Examples:",
                "  cls graph examples/copy-chain/project.json -P local",
                "  cls graph --deployed CopyChain --format dot | dot -Tsvg > lineage.svg",
                "  cls graph --all-deployed --stage dev --region us-west-2    (every project of the placement)",
                "", "Exit codes: 0 drawn, 1 failure, 2 usage error."},
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class GraphCommand implements Callable<Integer> {
    private final CliContext context;

    public GraphCommand(CliContext context) {
        this.context = context;
    }

    enum Format { mermaid, dot, json }

    @Mixin
    private OperatedProjectOptions project;

    @Mixin
    private SubstrateOptions substrate;

    @Mixin
    private TimeWindowOptions time;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid",
            description = "mermaid, dot or json (default: ${DEFAULT-VALUE}).")
    private Format format;


    @Override
    public Integer call() {
        OperatedPlacement placement = OperatedPlacement.load(context, project, substrate);
        Clock clock = Clock.systemUTC();
        Lineage lineage = Lineage.of(placement, unit -> time.window(unit, clock));
        PrintWriter out = context.out();
        out.print(switch (format) {
            case mermaid -> mermaid(lineage);
            case dot -> dot(lineage);
            case json -> json(lineage);
        });
        out.flush();
        return ExitCodes.OK;
    }

    /** The colour family of a state: ok, failed, running, waiting; null without a lot. */
    static String health(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "complete", "empty" -> "ok";
            case "partial" -> "failed";
            case "running" -> "running";
            default -> "waiting";
        };
    }

    private static final Map<String, String> FILL = Map.of("ok", "#d4edda", "failed", "#f8d7da",
            "running", "#cce5ff", "waiting", "#e2e3e5");
    private static final Map<String, String> STROKE = Map.of("ok", "#28a745", "failed", "#dc3545",
            "running", "#007bff", "waiting", "#6c757d");

    static String mermaid(Lineage lineage) {
        StringBuilder text = new StringBuilder("flowchart LR\n");
        Map<String, String> ids = shortIds(lineage);
        for (Lineage.Node node : lineage.nodes()) {
            String label = label(node, "<br/>").replace("\"", "#quot;");
            String shape = switch (node.kind()) {
                case boundary -> "[/\"" + label + "\"/]";
                case dataset -> "[(\"" + label + "\")]";
                case arc -> "[[\"" + label + "\"]]";
            };
            text.append("  ").append(ids.get(node.id())).append(shape).append('\n');
        }
        for (Lineage.Edge edge : lineage.edges()) {
            text.append("  ").append(ids.get(edge.from()))
                    .append(edge.role() == null ? " --> " : " -- " + edge.role() + " --> ")
                    .append(ids.get(edge.to())).append('\n');
        }
        for (Lineage.Node node : lineage.nodes()) {
            String health = health(node.state());
            if (health != null) {
                text.append("  class ").append(ids.get(node.id())).append(' ').append(health).append('\n');
            }
        }
        FILL.keySet().stream().sorted().forEach(health -> text.append("  classDef ").append(health)
                .append(" fill:").append(FILL.get(health)).append(",stroke:").append(STROKE.get(health)).append('\n'));
        return text.toString();
    }

    static String dot(Lineage lineage) {
        StringBuilder text = new StringBuilder("digraph lineage {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        for (Lineage.Node node : lineage.nodes()) {
            String shape = switch (node.kind()) {
                case boundary -> "parallelogram";
                case dataset -> "cylinder";
                case arc -> "box";
            };
            String health = health(node.state());
            text.append("  ").append(quote(node.id())).append(" [label=").append(quote(label(node, "\n")))
                    .append(", shape=").append(shape);
            if (health != null) {
                text.append(", style=filled, fillcolor=").append(quote(FILL.get(health))).append(", color=")
                        .append(quote(STROKE.get(health)));
            }
            text.append("];\n");
        }
        for (Lineage.Edge edge : lineage.edges()) {
            text.append("  ").append(quote(edge.from())).append(" -> ").append(quote(edge.to()));
            if (edge.role() != null) {
                text.append(" [label=").append(quote(edge.role())).append(']');
            }
            text.append(";\n");
        }
        return text.append("}\n").toString();
    }

    static String json(Lineage lineage) {
        try {
            return Json.records().writerWithDefaultPrettyPrinter().writeValueAsString(lineage) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String label(Lineage.Node node, String newline) {
        String label = node.name();
        if (node.kind() != Lineage.Kind.dataset && node.type() != null) {
            label += newline + node.type().substring(node.type().lastIndexOf(':') + 1);
        }
        if (node.state() != null) {
            label += newline + node.state() + " " + node.lot();
        } else if (node.kind() != Lineage.Kind.boundary) {
            label += newline + "no lot in window";
        }
        return label;
    }

    /** Mermaid node ids must be plain words: n0, n1, … in node order. */
    private static Map<String, String> shortIds(Lineage lineage) {
        Map<String, String> ids = new HashMap<>();
        lineage.nodes().forEach(node -> ids.put(node.id(), "n" + ids.size()));
        return ids;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}

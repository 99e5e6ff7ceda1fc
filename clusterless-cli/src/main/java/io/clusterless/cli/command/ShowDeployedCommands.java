package io.clusterless.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.cli.inspect.DeployedReader;
import io.clusterless.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code cls show placement|project|dataset [NAME]}: what is deployed, beside {@code show component} and the other
 * model browsers (reference §2.3); {@code cls show arc} does both, see {@link ShowArcCommand}. The plural names list.
 */
final class ShowDeployedCommands {
    static final String JSON_FOOTER = "With --output json: an array of documents whose fields docs/show.md describes "
            + "(stable: fields are added, never renamed or removed).";

    private ShowDeployedCommands() {
    }

    /** The options every deployed-thing command shares. */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        ShowCommand show;

        @Mixin
        ReportCommands.Filters filters;

        @Option(names = "--wide", description = "Every field as a column (flattened), instead of the narrow table "
                + "or, with NAME, the card.")
        boolean wide;
    }

    @Command(name = "placement", aliases = "placements", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"What is deployed in each placement: its bootstrap (when, version, bootstrap stack status "
                    + "on AWS) and its projects with their state.", ""},
            footer = {"", JSON_FOOTER, "", "Examples:", "  cls show placements",
                    "  cls show placement dev-123456789012-us-west-2 --output json",
                    "  cls show placements -P local --local-root .cls-local",
                    "", "Exit codes: 0 shown, 1 nothing bootstrapped or no such placement, 2 usage error."})
    static final class Placement extends Base {
        @Parameters(paramLabel = "NAME", arity = "0..1",
                description = "Only this placement: [STAGE-]ACCOUNT-REGION, as the listing names it.")
        String name;

        @Override
        public Integer call() {
            ShowDeployed.Kind kind = new ShowDeployed.Kind("placement", "placements", reader -> {
                ObjectNode document = reader.placement();
                return name == null || ShowDeployed.sameName(name, ShowDeployed.text(document, "/placement/name"))
                        ? List.of(document) : List.of();
            }, Placement::row);
            return ShowDeployed.show(show.context, filters, wide, kind, name, List.of());
        }

        private static ObjectNode row(JsonNode document) {
            // the placement is this row's subject: named even where it is the only one
            ObjectNode row = Json.records().createObjectNode();
            row.put("name", ShowDeployed.text(document, "/placement/name"));
            row.put("provider", ShowDeployed.text(document, "/placement/provider"));
            row.put("bootstrapped", ShowDeployed.time(ShowDeployed.text(document, "/bootstrap/createdAt")));
            row.put("stack", ShowDeployed.text(document, "/bootstrap/stack/status"));
            Map<String, Integer> states = new LinkedHashMap<>();
            document.path("projects").forEach(p -> states.merge(p.path("state").asText(), 1, Integer::sum));
            List<String> counts = new ArrayList<>();
            states.forEach((state, count) -> counts.add(count + " " + state));
            row.put("projects", counts.isEmpty() ? null : String.join(", ", counts));
            return row;
        }
    }

    @Command(name = "project", aliases = "projects", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Deployed project versions: the state of their last deploy or destroy (deploy records), "
                    + "when and by whom, their stacks' status on AWS (and whether each still has the template "
                    + "deployed), and their arcs. Destroyed and failed versions are listed too.", ""},
            footer = {"", JSON_FOOTER, "", "Examples:", "  cls show projects",
                    "  cls show project CopyChain:20230101-00 --output json",
                    "", "Exit codes: 0 shown, 1 nothing deployed or no such project, 2 usage error."})
    static final class Project extends Base {
        @Parameters(paramLabel = "NAME[:VERSION]", arity = "0..1",
                description = "Only this project, any version or the one given.")
        String name;

        @Override
        public Integer call() {
            ShowDeployed.Kind kind = new ShowDeployed.Kind("project", "projects", reader -> reader.projects(
                    (project, version) -> name == null || ReportCommands.projectMatches(List.of(name), project,
                            version)), Project::row);
            return ShowDeployed.show(show.context, filters, wide, kind, name, List.of());
        }

        private static ObjectNode row(JsonNode document) {
            ObjectNode row = ShowDeployed.row(document);
            row.put("project", ShowDeployed.text(document, "/project/name"));
            row.put("version", ShowDeployed.text(document, "/project/version"));
            row.put("state", ShowDeployed.text(document, "/state"));
            String finished = ShowDeployed.text(document, "/deploy/finishedAt");
            String started = ShowDeployed.text(document, "/deploy/startedAt");
            row.put("at", ShowDeployed.time(finished != null ? finished : started != null ? started
                    : ShowDeployed.text(document, "/recordedAt")));
            row.put("by", ShowDeployed.text(document, "/deploy/by"));
            Map<String, Integer> statuses = new LinkedHashMap<>();
            document.path("stacks").forEach(s -> statuses.merge(s.path("status").asText("-"), 1, Integer::sum));
            List<String> counts = new ArrayList<>();
            statuses.forEach((status, count) -> counts.add(count + " " + status));
            row.put("stacks", counts.isEmpty() ? null : String.join(", ", counts));
            row.put("arcs", document.path("arcs").size());
            return row;
        }
    }

    @Command(name = "dataset", aliases = "datasets", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Deployed datasets: owner (project and boundary or arc), the arcs subscribed to them, "
                    + "their newest lot and its manifest state, their newest complete lot and its freshness (how "
                    + "long ago its interval ended).", ""},
            footer = {"", JSON_FOOTER, "", "Examples:", "  cls show datasets --deployed CopyChain",
                    "  cls show dataset chain-a --output json",
                    "", "Exit codes: 0 shown, 1 nothing deployed or no such dataset, 2 usage error."})
    static final class Dataset extends Base {
        @Parameters(paramLabel = "NAME[/VERSION]", arity = "0..1", description = "Only this dataset.")
        String name;

        @Mixin
        DeployedFilter deployed;

        @Override
        public Integer call() {
            ShowDeployed.Kind kind = new ShowDeployed.Kind("dataset", "datasets", reader -> reader.datasets(
                    (uri, owner) -> (name == null || name.equals(uri.name())
                            || name.equals(uri.name() + "/" + uri.version()))
                            && (deployed.projects().isEmpty() || deployed.matches(owner.path("project").asText(),
                            owner.path("version").asText()))), Dataset::row);
            return ShowDeployed.show(show.context, filters, wide, kind, name, deployed.projects().stream()
                    .map(p -> "of project " + p).toList());
        }

        private static ObjectNode row(JsonNode document) {
            ObjectNode row = ShowDeployed.row(document);
            row.put("dataset", ShowDeployed.text(document, "/dataset/name") + "/"
                    + ShowDeployed.text(document, "/dataset/version"));
            row.put("owner", ShowDeployed.text(document, "/owner/project") + "/"
                    + ShowDeployed.text(document, "/owner/component"));
            row.put("subscribers", document.path("subscribers").size());
            row.put("lastLot", ShowDeployed.text(document, "/lastLot/lot"));
            row.put("state", ShowDeployed.text(document, "/lastLot/state"));
            row.put("lastComplete", ShowDeployed.text(document, "/lastComplete/lot"));
            row.put("freshness", ShowDeployed.age(ShowDeployed.text(document, "/freshness")));
            return row;
        }
    }

    /** Rows and reading of deployed arcs, for {@link ShowArcCommand}. */
    static ShowDeployed.Kind arcs(String name, DeployedFilter deployed) {
        return new ShowDeployed.Kind("arc", "arcs", (DeployedReader reader) -> reader.arcs(uri ->
                (name == null || name.equals(uri.arcName()))
                        && deployed.matches(uri.projectName(), uri.projectVersion())), ShowDeployedCommands::arcRow);
    }

    private static ObjectNode arcRow(JsonNode document) {
        ObjectNode row = ShowDeployed.row(document);
        row.put("project", ShowDeployed.text(document, "/project/name"));
        row.put("version", ShowDeployed.text(document, "/project/version"));
        row.put("arc", ShowDeployed.text(document, "/name"));
        row.put("type", ShowDeployed.shortType(ShowDeployed.text(document, "/type")));
        row.put("listener", document.at("/listener/enabled").asBoolean(true) ? "enabled" : "disabled");
        row.put("lastLot", ShowDeployed.text(document, "/lastLot/lot"));
        row.put("state", ShowDeployed.text(document, "/lastLot/state"));
        return row;
    }
}

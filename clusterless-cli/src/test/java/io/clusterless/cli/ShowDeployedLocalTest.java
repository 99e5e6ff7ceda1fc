package io.clusterless.cli;

import io.clusterless.cli.context.ExitCodes;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cls show placement|project|arc|dataset} on a local placement, black box: the copy chain run once with copyB
 * disabled, then read back as a person (tables, cards) and as a script ({@code --output json}) would.
 */
class ShowDeployedLocalTest {
    private static final String PLACEMENT = "dev-123456789012-us-west-2";

    @TempDir
    static Path root;

    private static String project() {
        return Examples.file("copy-chain/project.json").toString();
    }

    @BeforeAll
    static void runTheCopyChainWithCopyBDisabled() {
        Cls.Result disable = Cls.run("disable", "-p", project(), "-P", "local", "--local-root", root.toString(),
                "--arc", "copyB", "--reason", "waiting for the new schema");
        assertThat(disable.exitCode()).as(disable.toString()).isZero();
        Cls.Result run = Cls.run("local", "run", "-p", project(), "--local-root", root.toString(), "--until-idle",
                "--put", Examples.file("copy-chain/data") + "=s3://dev-cls-copy-chain-123456789012-us-west-2/ingress/");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private static Cls.Result show(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-P", "local", "--local-root", root.toString()));
        return Cls.run(all.toArray(String[]::new));
    }

    private static JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--output", "json", "show"));
        all.addAll(List.of(args));
        Cls.Result result = show(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return Json.records().readTree(result.out());
    }

    private static JsonNode named(JsonNode documents, String pointer, String value) {
        for (JsonNode document : documents) {
            if (document.at(pointer).asText().equals(value)) {
                return document;
            }
        }
        throw new AssertionError("no " + pointer + " = " + value + " in " + documents);
    }

    @Test
    void arcs_sayTheirTypeSourcesSinksListenerAndNewestLot_andADisabledArcShowsItWithItsReason() throws Exception {
        JsonNode arcs = json("arcs");

        assertThat(arcs).hasSize(3);
        JsonNode copyA = named(arcs, "/name", "copyA");
        assertThat(copyA.at("/placement/name").asText()).isEqualTo(PLACEMENT);
        assertThat(copyA.at("/placement/provider").asText()).isEqualTo("local");
        assertThat(copyA.at("/project/name").asText()).isEqualTo("CopyChain");
        assertThat(copyA.path("type").asText()).isEqualTo("aws:core:s3CopyArc");
        assertThat(copyA.at("/sources/0/dataset").asText()).isEqualTo("chain-ingress/20230101");
        assertThat(copyA.at("/sources/0/subscribe").asBoolean()).isTrue();
        assertThat(copyA.at("/sinks/0/dataset").asText()).isEqualTo("chain-a/20230101");
        assertThat(copyA.at("/listener/enabled").asBoolean()).isTrue();
        assertThat(copyA.at("/lastLot/state").asText()).isEqualTo("complete");
        JsonNode copyB = named(arcs, "/name", "copyB");
        assertThat(copyB.at("/listener/enabled").asBoolean()).isFalse();
        assertThat(copyB.at("/listener/reason").asText()).isEqualTo("waiting for the new schema");
        assertThat(copyB.at("/listener/since").asText()).isNotBlank();
        assertThat(copyB.path("lastLot").isNull()).as("copyB never ran").isTrue();
    }

    @Test
    void arcsTable_isNarrow_withoutThePlacementColumnOfItsOnePlacement_andSaysDisabled() {
        Cls.Result table = show("show", "arcs");

        assertThat(table.exitCode()).as(table.toString()).isZero();
        List<String> lines = table.outLines();
        assertThat(lines.get(1)).contains("project").contains("arc").contains("type").contains("listener")
                .doesNotContain("placement");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("copyB").contains("s3CopyArc")
                .contains("disabled"));
        assertThat(lines.stream().mapToInt(String::length).max().orElseThrow()).isLessThanOrEqualTo(100);
    }

    @Test
    void wide_showsEveryFieldOfTheDocumentsAsAColumn() {
        Cls.Result wide = show("--output", "csv", "show", "arcs", "--wide");

        assertThat(wide.exitCode()).as(wide.toString()).isZero();
        assertThat(wide.outLines().get(0)).startsWith("placement.name,placement.provider,").contains(",type,sources,")
                .contains(",listener.enabled,listener.since,listener.reason,");
        assertThat(wide.outLines()).hasSize(4);
    }

    @Test
    void oneArcByName_isACard_fieldByField() {
        Cls.Result card = show("show", "arc", "copyB");

        assertThat(card.exitCode()).as(card.toString()).isZero();
        assertThat(card.out()).containsPattern("(?m)^listener\\.enabled\\s+false$")
                .containsPattern("(?m)^listener\\.reason\\s+waiting for the new schema$")
                .containsPattern("(?m)^type\\s+aws:core:s3CopyArc$")
                .containsPattern("(?m)^sources:$");
    }

    @Test
    void datasets_sayOwnerSubscribersNewestAndNewestCompleteLotAndFreshness() throws Exception {
        JsonNode datasets = json("datasets");

        JsonNode ingress = named(datasets, "/dataset/name", "chain-ingress");
        assertThat(ingress.at("/owner/project").asText()).isEqualTo("CopyChain");
        // the record in the original's shape does not name it: the project's boundary does
        assertThat(ingress.at("/owner/component").asText()).isEqualTo("ingressListener");
        assertThat(ingress.at("/subscribers/0/arc").asText()).isEqualTo("copyA");
        assertThat(ingress.at("/lastLot/state").asText()).isEqualTo("complete");
        assertThat(ingress.at("/lastComplete/lot").asText()).isEqualTo(ingress.at("/lastLot/lot").asText());
        assertThat(ingress.path("age").asText()).startsWith("PT");
        assertThat(ingress.path("freshness").isNull()).isTrue(); // the copy chain declares no targets
        JsonNode b = named(datasets, "/dataset/name", "chain-b");
        assertThat(b.path("lastLot").isNull()).as("copyB, disabled, wrote nothing").isTrue();
        assertThat(b.at("/owner/component").asText()).isEqualTo("copyB");
        assertThat(b.path("age").isNull()).isTrue();

        Cls.Result ofNoProject = show("show", "datasets", "--deployed", "Nope:1");
        assertThat(ofNoProject.err().strip()).isEqualTo("error: no deployed dataset of project Nope:1 in placement "
                + PLACEMENT + "; cls show datasets lists them");
    }

    @Test
    void projectsAndPlacements_ofALocalPlacement_haveRecordsButNoDeployRecordsOrStacks() throws Exception {
        JsonNode project = json("project", "CopyChain").get(0);
        assertThat(project.at("/project/version").asText()).isEqualTo("20230101-00");
        assertThat(project.path("state").asText()).isEqualTo("recorded");
        assertThat(project.path("recordedAt").asText()).isNotBlank();
        assertThat(project.path("deploy").isNull()).isTrue();
        assertThat(project.path("stacks")).isEmpty();
        assertThat(project.path("arcs")).extracting(JsonNode::asText).containsExactly("copyA", "copyB", "copyC");

        JsonNode placement = json("placement", PLACEMENT).get(0);
        assertThat(placement.at("/bootstrap/createdAt").asText()).isNotBlank();
        assertThat(placement.at("/bootstrap/stack").isNull()).isTrue();
        assertThat(placement.at("/projects/0/name").asText()).isEqualTo("CopyChain");
        assertThat(placement.at("/projects/0/state").asText()).isEqualTo("recorded");

        Cls.Result table = show("show", "placements");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.outLines()).anySatisfy(line -> assertThat(line).startsWith(PLACEMENT + "  local")
                .containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ ").endsWith("1 recorded"));
    }

    @Test
    void nothingThere_isOneLineNamingWhatToRun() {
        Cls.Result noProject = show("show", "project", "Nope");
        assertThat(noProject.exitCode()).as(noProject.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(noProject.err().strip()).isEqualTo("error: no deployed project Nope in placement " + PLACEMENT
                + "; cls show projects lists them");

        Cls.Result noPlacement = Cls.run("show", "projects", "-P", "local", "--local-root",
                root.resolve("empty").toString());
        assertThat(noPlacement.exitCode()).as(noPlacement.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(noPlacement.err().strip()).isEqualTo("error: no bootstrapped placement under the local root "
                + root.resolve("empty") + "; run cls local run PROJECT_FILE -P local to place one");
    }

    @Test
    void showArcWithASelection_stillBrowsesTheArcComponentTypes() {
        Cls.Result types = Cls.run("show", "arc", "--list");
        assertThat(types.exitCode()).as(types.toString()).isZero();
        assertThat(types.outLines()).contains("aws:core:s3CopyArc");

        Cls.Result both = Cls.run("show", "arc", "--list", "copyA");
        assertThat(both.exitCode()).as(both.toString()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void reportsFilterDeployedProjectsWithDeployed_andTheOriginalsProjectStillWorks() {
        Cls.Result deployed = show("--output", "csv", "arcs", "--deployed", "CopyChain:20230101-00");
        Cls.Result original = show("--output", "csv", "arcs", "--project", "CopyChain:20230101-00");
        Cls.Result other = show("--output", "csv", "projects", "--deployed", "CopyChain:1");

        assertThat(deployed.exitCode()).as(deployed.toString()).isZero();
        assertThat(deployed.outLines()).hasSize(4).isEqualTo(original.outLines());
        assertThat(other.outLines()).hasSize(1);
        assertThat(Cls.run("arcs", "--help").out()).contains("--deployed=NAME[:VERSION]").doesNotContain("--project");
    }
}

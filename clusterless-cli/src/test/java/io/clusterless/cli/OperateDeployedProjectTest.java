package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.engine.metadata.PlacementRecords;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.json.Json;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.model.Deployable;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.naming.PlacementNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gaps}, {@code arcs status} and {@code datasets status} on a deployed project ({@code --project
 * NAME[:VERSION]}), read from the project.json records a local run writes to the placement's metadata bucket
 * (reference §4.2), against the same commands on the project files.
 */
class OperateDeployedProjectTest {
    private static final String BUCKET = "dev-cls-copy-chain-123456789012-us-west-2";
    private static final String INGRESS = "s3://" + BUCKET + "/ingress/";
    private static final String COPY_CHAIN = Examples.file("copy-chain/project.json").toString();

    @TempDir
    Path root;

    private Cls.Result cls(String... args) {
        List<String> all = new ArrayList<>(List.of("--output", "json"));
        all.addAll(List.of(args));
        all.addAll(List.of("-P", "local", "--local-root", root.toString()));
        return Cls.run(all.toArray(String[]::new));
    }

    private static JsonNode json(Cls.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return Json.records().readTree(result.out());
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Runs the sample data through the copy chain with copyB disabled; returns the lot the files fell in. */
    private LotId runWithCopyBDisabled() throws Exception {
        json(cls("disable", "-p", COPY_CHAIN, "--arc", "copyB", "--reason", "test"));
        Cls.Result run = Cls.run("local", "run", "-p", COPY_CHAIN, "--local-root", root.toString(), "--until-idle",
                "--put", Examples.file("copy-chain/data") + "=" + INGRESS);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode lots = json(cls("datasets", "status", "-p", COPY_CHAIN, "--name", "chain-ingress", "--list",
                "--earliest", "3h"));
        for (JsonNode lot : lots) {
            if (lot.path("manifestState").asText().equals("complete")) {
                return LotId.parse(lot.path("lotId").asText());
            }
        }
        throw new AssertionError("no complete ingress lot in " + lots);
    }

    /** A second version of the project, its own copyA into its own sink, recorded as deploy records it. */
    private Path deploySecondVersion(PlacementNames placement) throws Exception {
        Path file = root.resolve("copy-chain-v2.json");
        Files.writeString(file, """
                {
                  "project": {"name": "CopyChain", "version": "20230201-00"},
                  "placement": {"provider": "aws", "stage": "%s", "account": "123456789012", "region": "us-west-2"},
                  "arcs": [{
                    "type": "aws:core:s3CopyArc",
                    "name": "copyA",
                    "sources": {"main": {"name": "chain-ingress", "version": "20230101"}},
                    "sinks": {"main": {"name": "chain-a", "version": "20230201",
                      "pathURI": "s3://%s/copy-a-v2/"}}
                  }]
                }
                """.formatted(placement.stage(), BUCKET));
        List<Deployable> deployables = new ProjectLoader().loadAll(List.of(ProjectSource.file(file))).deployables();
        new PlacementRecords(new FileObjectStore(root), Clock.systemUTC())
                .write(PlacementPlan.of(placement, deployables));
        return file;
    }

    @Test
    void gapsOfTheDeployedProject_areThoseOfItsProjectFile() throws Exception {
        LotId lot = runWithCopyBDisabled();
        String[] gaps = {"gaps", "--earliest", lot.previous().format(), "--latest", lot.next().format()};

        JsonNode fromFile = json(cls(with(gaps, "-p", COPY_CHAIN)));
        JsonNode deployed = json(cls(with(gaps, "--deployed", "CopyChain")));
        JsonNode deployedVersion = json(cls(with(gaps, "--deployed", "CopyChain:20230101-00")));

        // the window holds gaps of several causes, so equal outputs compare something
        assertThat(fromFile.findValuesAsText("cause")).contains("noUpstreamData", "disabled", "upstreamMissing");
        assertThat(deployed).isEqualTo(fromFile);
        assertThat(deployedVersion).isEqualTo(fromFile);
        assertThat(json(cls(with(gaps, "--deployed", "CopyChain", "--arc", "copyB"))))
                .isEqualTo(json(cls(with(gaps, "-p", COPY_CHAIN, "--arc", "copyB"))));
    }

    @Test
    void arcsAndDatasetsStatusOfTheDeployedProject_areThoseOfItsProjectFile() throws Exception {
        LotId lot = runWithCopyBDisabled();
        String[] window = {"--earliest", lot.format(), "--latest", lot.next().format()};

        JsonNode arcs = json(cls(with(with(new String[]{"arcs", "status"}, window), "--deployed", "CopyChain")));
        JsonNode datasets = json(cls(with(with(new String[]{"datasets", "status", "--list"}, window), "--deployed",
                "CopyChain")));

        assertThat(arcs).hasSize(3).isEqualTo(json(cls(with(with(new String[]{"arcs", "status"}, window), "-p",
                COPY_CHAIN))));
        assertThat(datasets).isNotEmpty().isEqualTo(json(cls(with(with(new String[]{"datasets", "status",
                "--list"}, window), "-p", COPY_CHAIN))));
    }

    @Test
    void withoutAVersion_everyDeployedVersionIsOperated_andAVersionPicksOne() throws Exception {
        LotId lot = runWithCopyBDisabled();
        String v2 = deploySecondVersion(new PlacementNames("dev", "123456789012", "us-west-2")).toString();
        // the lot before the data has a gap in both versions, the data's lot only in the second
        String[] gaps = {"gaps", "--arc", "copyA", "--earliest", lot.previous().format(), "--latest",
                lot.next().format()};

        JsonNode every = json(cls(with(gaps, "--deployed", "CopyChain")));
        JsonNode second = json(cls(with(gaps, "--deployed", "CopyChain:20230201-00")));

        assertThat(every).isEqualTo(json(cls(with(gaps, "-p", COPY_CHAIN, "-p", v2))));
        assertThat(every.findValuesAsText("project")).containsExactlyInAnyOrder("CopyChain/20230101-00",
                "CopyChain/20230201-00", "CopyChain/20230201-00");
        assertThat(second).isEqualTo(json(cls(with(gaps, "-p", v2))));
        assertThat(second.findValuesAsText("project")).containsExactly("CopyChain/20230201-00",
                "CopyChain/20230201-00");
    }

    @Test
    void statusWithoutProjects_readsEveryProjectDeployedInThePlacement_asTheOriginalDid() throws Exception {
        LotId lot = runWithCopyBDisabled();
        String v2 = deploySecondVersion(new PlacementNames("dev", "123456789012", "us-west-2")).toString();
        String[] arcs = {"arcs", "status", "--earliest", lot.format(), "--latest", lot.next().format()};
        String[] datasets = {"datasets", "status", "--list", "--earliest", lot.format(), "--latest",
                lot.next().format()};

        JsonNode everyArc = json(cls(arcs));
        JsonNode everyDataset = json(cls(datasets));

        assertThat(everyArc).hasSize(4).isEqualTo(json(cls(with(arcs, "-p", COPY_CHAIN, "-p", v2))));
        assertThat(everyArc.findValuesAsText("version")).contains("20230101-00", "20230201-00");
        assertThat(everyDataset).isNotEmpty().isEqualTo(json(cls(with(datasets, "-p", COPY_CHAIN, "-p", v2))));

        // a second placement: one at a time, chosen as with --deployed
        deploySecondVersion(new PlacementNames("prod", "123456789012", "us-west-2"));
        Cls.Result both = cls(arcs);
        assertThat(both.exitCode()).as(both.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(both.err().strip()).doesNotContain("\n").contains("2 placements").contains("stage dev")
                .contains("stage prod").contains("--stage");
        assertThat(json(cls(with(arcs, "--stage", "dev")))).isEqualTo(everyArc);
    }

    @Test
    void statusWithoutProjects_inAnEmptyRoot_saysThereIsNoPlacement() {
        Cls.Result nothing = cls("arcs", "status");

        assertThat(nothing.exitCode()).as(nothing.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(nothing.err().strip()).doesNotContain("\n").startsWith("error: no placement")
                .contains("give project files");
    }

    @Test
    void aProjectDeployedInTwoPlacements_isOperatedInTheOneTheStageNames() throws Exception {
        LotId lot = runWithCopyBDisabled();
        deploySecondVersion(new PlacementNames("prod", "123456789012", "us-west-2"));
        String[] gaps = {"gaps", "--earliest", lot.format(), "--latest", lot.next().format(), "--deployed",
                "CopyChain"};

        Cls.Result both = cls(gaps);
        assertThat(both.exitCode()).as(both.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(both.err().strip()).doesNotContain("\n").contains("deployed in 2 placements")
                .contains("stage dev").contains("stage prod").contains("--stage");

        assertThat(json(cls(with(gaps, "--stage", "dev"))))
                .isEqualTo(json(cls("gaps", "--earliest", lot.format(), "--latest", lot.next().format(), "-p",
                        COPY_CHAIN)));
        JsonNode prod = json(cls(with(gaps, "--stage", "prod")));
        assertThat(prod.findValuesAsText("name")).contains("copyA").doesNotContain("copyB", "copyC");
        assertThat(prod.findValuesAsText("project")).containsOnly("CopyChain/20230201-00");
    }

    @Test
    void aProjectDeployedNowhere_isOneLineSayingWhereToLook() throws Exception {
        runWithCopyBDisabled();

        Cls.Result nope = cls("gaps", "--deployed", "Nope");
        Cls.Result noVersion = cls("gaps", "--deployed", "CopyChain:19990101-00");
        Cls.Result aFile = cls("gaps", "--deployed", COPY_CHAIN);
        Cls.Result noArc = cls("gaps", "--deployed", "CopyChain", "--arc", "copyZ");

        assertThat(nope.exitCode()).as(nope.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(nope.err().strip()).doesNotContain("\n").isEqualTo("error: project Nope is not deployed in any "
                + "placement under the local root " + root + "; cls projects lists what is deployed");
        assertThat(noVersion.exitCode()).as(noVersion.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(noVersion.err().strip()).doesNotContain("\n")
                .contains("has no deployed version 19990101-00 (deployed: 20230101-00)");
        assertThat(aFile.exitCode()).as(aFile.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(aFile.err().strip()).doesNotContain("\n").endsWith("give it as an argument: " + COPY_CHAIN);
        assertThat(noArc.exitCode()).as(noArc.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(noArc.err().strip()).isEqualTo("error: no arc named copyZ in the deployed project CopyChain");
    }

    @Test
    void projectFilesAsArguments_andTheOriginalsProjectOption_workLikeTheirPlainForms() throws Exception {
        runWithCopyBDisabled();
        String[] window = {"gaps"};

        Cls.Result byOption = cls(with(window, "-p", COPY_CHAIN));
        Cls.Result byArgument = cls(with(window, COPY_CHAIN));
        Cls.Result deployed = cls(with(window, "--deployed", "CopyChain"));
        Cls.Result original = cls(with(window, "--project", "CopyChain"));
        Cls.Result fileAndDeployed = cls("gaps", COPY_CHAIN, "--deployed", "CopyChain");

        assertThat(byOption.exitCode()).as(byOption.toString()).isEqualTo(ExitCodes.OK);
        assertThat(byArgument.exitCode()).as(byArgument.toString()).isEqualTo(ExitCodes.OK);
        assertThat(byArgument.out()).isEqualTo(byOption.out());
        assertThat(deployed.exitCode()).as(deployed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(original.exitCode()).as(original.toString()).isEqualTo(ExitCodes.OK);
        assertThat(original.out()).isEqualTo(deployed.out());
        assertThat(fileAndDeployed.exitCode()).as(fileAndDeployed.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(fileAndDeployed.errLines().get(0)).contains("not both");
    }

    @Test
    void gapsFail_exitsOneWhenItReportsAGap_andZeroWhenThereIsNone() throws Exception {
        LotId lot = runWithCopyBDisabled();
        String[] window = {"gaps", COPY_CHAIN, "--earliest", lot.format(), "--latest", lot.next().format(), "--fail"};

        Cls.Result disabled = cls(with(window, "--arc", "copyB"));
        Cls.Result complete = cls(with(window, "--arc", "copyA"));

        assertThat(disabled.exitCode()).as(disabled.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(Json.records().readTree(disabled.out()).findValuesAsText("cause")).containsExactly("disabled");
        assertThat(complete.exitCode()).as(complete.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Json.records().readTree(complete.out())).isEmpty();
    }

    @Test
    void projectFilesAndADeployedProject_areAlternatives() {
        Cls.Result both = cls("gaps", "-p", COPY_CHAIN, "--deployed", "CopyChain");
        Cls.Result neither = cls("gaps");
        Cls.Result stageWithFiles = cls("gaps", "-p", COPY_CHAIN, "--stage", "dev");

        assertThat(both.exitCode()).as(both.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.errLines().get(0)).isEqualTo("error: -p=FILE, --deployed=NAME[:VERSION] are mutually "
                + "exclusive (specify only one)");
        assertThat(neither.exitCode()).as(neither.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(neither.errLines().get(0)).contains("-p FILE").contains("--deployed NAME[:VERSION]");
        assertThat(stageWithFiles.exitCode()).as(stageWithFiles.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(stageWithFiles.errLines().get(0)).contains("--stage").contains("--deployed");
    }
}

package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.metadata.PlacementRecords;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.naming.PlacementNames;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static io.clusterless.cli.GraphAcrossProjectsTest.CHAIN;
import static io.clusterless.cli.GraphAcrossProjectsTest.DOWNSTREAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cls graph --all-deployed} on AWS APIs served by moto_server: CopyChain and Downstream are found through their
 * project records in the placement's metadata bucket, as deploy writes them, and Downstream's arc reading CopyChain's
 * dataset is joined to it, each with the state its own manifest or arc state holds.
 */
class GraphAcrossProjectsAwsTest {
    private static final PlacementNames DEV = new PlacementNames("dev", "123456789012", "us-west-2");
    private static final LotId LOT = LotId.parse("20230101PT5M042");
    private static MotoProcess moto;

    @BeforeAll
    static void deployBothProjects_copyAAndFromARanTheLot() throws Exception {
        moto = MotoProcess.startWithCredentials();
        ObjectStore store = moto.createStores(DEV);
        PlacementPlan plan = PlacementPlan.of(DEV, new ProjectLoader().loadAll(List.of(
                ProjectSource.file(Examples.file("copy-chain/project.json")),
                ProjectSource.file(Path.of(DOWNSTREAM)))).deployables());
        new PlacementRecords(store, Clock.systemUTC()).writeProjects(plan);
        for (String dataset : List.of("chain-ingress", "chain-a", "down-a")) {
            ManifestURI manifest = ManifestURI.of(DEV.manifestBucket()).withDatasetName(dataset)
                    .withDatasetVersion(dataset.startsWith("chain") ? "20230101" : "1").withLot(LOT)
                    .withState(ManifestState.complete);
            store.put(DEV.manifestBucket(), manifest.key(), "{}".getBytes(), "application/json");
        }
        for (ArcPlan arc : List.of(arc(plan, "copyA"), arc(plan, "fromA"))) {
            CompletedLots.record(new ArcStateStore(store, arc.gateProps().arcStateURI(), Clock.systemUTC()), LOT);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        MotoProcess.stop(moto);
    }

    private static ArcPlan arc(PlacementPlan plan, String name) {
        return plan.projects().stream().flatMap(project -> project.arcs().stream())
                .filter(arc -> arc.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void allDeployed_joinsTheProducersDatasetToTheConsumersArc_eachWithItsLatestState() throws Exception {
        Cls.Result result = Cls.run("graph", "--all-deployed", "--format", "json", "--endpoint-url",
                moto.endpoint().toString(), "--region", "us-west-2", "--earliest", LOT.format(), "--latest",
                LOT.next().format());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode graph = Json.records().readTree(result.out());
        Map<String, String> nodes = GraphAcrossProjectsTest.nodes(graph);
        assertThat(nodes).containsEntry("dataset:chain-a/20230101", CHAIN + " complete")
                .containsEntry("arc:" + CHAIN + "/copyA", CHAIN + " complete")
                .containsEntry("arc:Downstream/1/fromA", "Downstream/1 complete")
                .containsEntry("arc:Downstream/1/fromIngress", "Downstream/1 null")
                .containsEntry("dataset:chain-b/20230101", CHAIN + " null");
        assertThat(GraphAcrossProjectsTest.edges(graph)).contains(
                "dataset:chain-ingress/20230101 -> arc:Downstream/1/fromIngress",
                "dataset:chain-a/20230101 -> arc:Downstream/1/fromA",
                "dataset:chain-b/20230101 -> arc:Downstream/1/fromB");
    }
}

package io.clusterless.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.engine.boundary.BoundaryProps;
import io.clusterless.json.Json;
import io.clusterless.model.Deployable;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.naming.PlacementNames;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PlacementPlanTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final PlacementNames DEV = new PlacementNames("dev", "123456789012", "us-west-2");

    private static List<Deployable> load(String... files) {
        return new ProjectLoader().loadAll(Stream.of(files).map(f -> ProjectSource.file(EXAMPLES.resolve(f)))
                .toList()).deployables();
    }

    @Test
    void copyChain_namesEveryFunctionAndRuleAsReferenceSection31() {
        ProjectPlan project = PlacementPlan.of(DEV, load("copy-chain/project.json")).projects().get(0);

        BoundaryPlan boundary = project.boundaries().get(0);
        assertThat(boundary.frequent()).isTrue();
        assertThat(boundary.functionName()).isEqualTo("DEV-copy-chain-ingress-listener-int-20230101-00-us-west-2");
        assertThat(boundary.ruleName()).isEqualTo("DEV-copy-chain-ingress-listener-20230101-00-us-west-2");
        assertThat(boundary.queueName()).isEqualTo("DEV-copy-chain-ingress-listener-20230101-00");
        assertThat(boundary.schedule()).isEqualTo("cron(0/5 * * * ? *)");
        assertThat(boundary.eventPattern()).isNull();
        assertThat(boundary.propsVariable()).isEqualTo("CLS_FREQUENT_S3_PUT_BOUNDARY_PROPS_JSON");

        assertThat(project.arcs()).extracting(ArcPlan::name).containsExactly("copyA", "copyB", "copyC");
        ArcPlan copyA = project.arcs().get(0);
        assertThat(copyA.stackName()).isEqualTo("DEV-copy-chain-arc-copy-a-20230101-00-us-west-2");
        assertThat(copyA.stateMachineName()).isEqualTo("DEV-copy-chain-copy-a-20230101-00");
        assertThat(copyA.ruleName()).isEqualTo("DEV-copy-chain-copy-a-20230101-00-rule");
        assertThat(copyA.startFunction()).isEqualTo("DEV-copy-chain-copy-a-start-20230101-00-us-west-2");
        assertThat(copyA.workloadFunction()).isEqualTo("DEV-copy-chain-copy-a-func-20230101-00-us-west-2");
        assertThat(copyA.workloadHandler()).endsWith("S3CopyHandler");
    }

    @Test
    void propsSurviveTheRoundTripThroughTheFunctionEnvironment() {
        ProjectPlan project = PlacementPlan.of(DEV, load("copy-chain/project.json")).projects().get(0);
        BoundaryProps boundary = project.boundaries().get(0).props();
        assertThat(BoundaryProps.fromJson(boundary.toJson())).usingRecursiveComparison().isEqualTo(boundary);
        assertThat(boundary.manifestBucket()).isEqualTo("dev-clusterless-manifest-123456789012-us-west-2");
        assertThat(boundary.eventBusName()).isEqualTo("DEV-arc-events-us-west-2");

        ArcGateProps gates = project.arcs().get(1).gateProps();
        ArcGateProps read = ArcGateProps.fromJson(gates.toJson());
        assertThat(read.arc().arcStatePath()).isEqualTo(
                "s3://dev-clusterless-arc-state-123456789012-us-west-2/arcs/project=CopyChain/version=20230101-00/"
                        + "arc=copyB/lot={lot}/{state}.arc");
        assertThat(read.sinkManifestTemplates()).containsOnlyKeys("main");
        assertThat(read.runningTimeout()).isEqualTo(gates.runningTimeout());
    }

    @Test
    void workloadPropsCarryTheArcTypeSettings() throws Exception {
        ArcPlan copyB = PlacementPlan.of(DEV, load("copy-chain/project.json")).projects().get(0).arcs().get(1);
        JsonNode props = Json.records().readTree(Json.records().writeValueAsString(copyB.workloadProps()));
        assertThat(props.at("/workloadProps/failArcOnPartialPercent").asDouble()).isEqualTo(0.1);
        assertThat(props.at("/sourceManifestPaths/main").asText()).isEqualTo(
                "s3://dev-clusterless-manifest-123456789012-us-west-2/datasets/name=chain-a/version=20230101/"
                        + "lot={lot}/state=complete/manifest.json");
    }

    @Test
    void arcListenerMatchesSubscribedDatasetIds() throws Exception {
        ArcPlan copyA = PlacementPlan.of(DEV, load("copy-chain/project.json")).projects().get(0).arcs().get(0);
        JsonNode pattern = Json.records().readTree(copyA.listenerPattern());
        assertThat(pattern.at("/source/0").asText()).isEqualTo("clusterless.arc");
        assertThat(pattern.at("/detail-type/0").asText()).isEqualTo("Clusterless Arc Notification");
        assertThat(pattern.at("/detail/datasetId").toString()).isEqualTo("[\"chain-ingress/20230101\"]");
    }

    @Test
    void sourcesOwnedInAnotherLoadedFileAreFound_andUnknownOwnersAreEmpty() {
        PlacementPlan plan = PlacementPlan.of(DEV, load("others/split-a.json", "others/split-b.json"));
        plan.projects().stream().flatMap(p -> p.arcs().stream())
                .forEach(arc -> assertThat(arc.sourceOwners().values()).allMatch(java.util.Optional::isPresent));
        assertThat(plan.owner("no-such/1")).isEmpty();
    }

    @Test
    void ownersDeployedBefore_fillInWhatTheGivenFilesDoNotOwn() {
        SinkDataset deployed = new SinkDataset("uploads-incoming", "20230915", "s3://qa-uploads/incoming/");
        PlacementPlan alone = PlacementPlan.of(DEV, load("others/split-b.json"));
        PlacementPlan withDeployed = PlacementPlan.of(DEV, load("others/split-b.json"),
                java.util.Map.of("uploads-incoming/20230915", deployed));

        assertThat(alone.projects().get(0).arcs().get(0).sourceOwners().get("main")).isEmpty();
        assertThat(withDeployed.projects().get(0).arcs().get(0).sourceOwners().get("main")).contains(deployed);
        // a file that owns the dataset wins over the deployed record
        PlacementPlan both = PlacementPlan.of(DEV, load("others/split-a.json", "others/split-b.json"),
                java.util.Map.of("uploads-incoming/20230915", deployed));
        assertThat(both.owner("uploads-incoming/20230915")).get().isNotSameAs(deployed);
    }

    @Test
    void infrequentBoundaryListensOnTheBucketAndPrefix() throws Exception {
        BoundaryPlan boundary = PlacementPlan.of(DEV, load("simple-copy/project.json")).projects().get(0)
                .boundaries().get(0);
        assertThat(boundary.frequent()).isFalse();
        JsonNode pattern = Json.records().readTree(boundary.eventPattern());
        assertThat(pattern.at("/detail/bucket/name/0").asText()).isEqualTo(boundary.props().location().bucket());
        assertThat(pattern.at("/detail/object/key/0/prefix").asText()).isEqualTo(boundary.props().location().prefix());
        assertThat(boundary.schedule()).isNull();
    }

    @Test
    void excludedComponentsAreNotPlanned() {
        List<Deployable> deployables = load("copy-chain/project.json");
        Deployable copyChain = deployables.get(0);
        String json = Json.records().valueToTree(copyChain).toString()
                .replace("\"name\":\"copyC\",\"exclude\":false", "\"name\":\"copyC\",\"exclude\":true");
        Deployable edited = new ProjectLoader().loadAll(List.of(ProjectSource.text("edited.json", json)))
                .deployables().get(0);
        assertThat(PlacementPlan.of(DEV, List.of(edited)).projects().get(0).arcs()).extracting(ArcPlan::name)
                .containsExactly("copyA", "copyB");
    }
}

package io.clusterless.cli;

import io.clusterless.cli.context.ExitCodes;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.listener.ListenerSwitches;
import io.clusterless.engine.metadata.DeployRecord;
import io.clusterless.engine.metadata.DeployRecords;
import io.clusterless.engine.metadata.PlacementRecords;
import io.clusterless.engine.metadata.TemplateDigest;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.uri.ArcStateURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cls show} against AWS APIs served by moto_server: the deploy record, the stacks it names as CloudFormation
 * has them, the bootstrap stack, listener records and arc state, all read through {@code --endpoint-url}.
 */
class ShowDeployedAwsTest {
    private static final PlacementNames DEV = new PlacementNames("dev", "123456789012", "us-west-2");
    private static final String TEMPLATE = "{\"Resources\": {\"Topic\": {\"Type\": \"AWS::SNS::Topic\"}}}";
    private static final String NEWER = "{\"Resources\": {\"Newer\": {\"Type\": \"AWS::SNS::Topic\"}}}";
    private static final LotId LOT = LotId.parse("20230101PT5M042");
    private static MotoProcess moto;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoProcess.startWithCredentials();
        AwsClients clients = moto.clients();
        ObjectStore store = moto.createStores(DEV);
        PlacementPlan plan = PlacementPlan.of(DEV, new ProjectLoader().loadAll(List.of(ProjectSource.file(
                Examples.file("copy-chain/project.json")))).deployables());
        PlacementRecords records = new PlacementRecords(store, Clock.systemUTC());
        records.writeBootstrap(DEV);
        records.writeProjects(plan);
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder().region(Region.US_WEST_2)
                .httpClient(clients.http()).credentialsProvider(clients.credentials())
                .endpointOverride(moto.endpoint()).build()) {
            for (String stack : List.of(DEV.bootstrapStack(), "copy-chain-current", "copy-chain-changed")) {
                cloudFormation.createStack(r -> r.stackName(stack).templateBody(TEMPLATE));
            }
        }
        // as cls deploy records it (ADR-0009): one stack as deployed, one since changed behind its back, one gone
        new DeployRecords(store).put(DEV.metadataBucket(), new DeployRecord("attempt-1",
                DeployRecord.State.deployed, "CopyChain", "20230101-00", "2026-12-01T10:00:00Z",
                "2026-12-01T10:04:00Z", "0.1.0", "jo@laptop", List.of("/p/project.json"), List.of(
                new DeployRecord.Stack("copy-chain-current", "us-west-2", TemplateDigest.of(TEMPLATE)),
                new DeployRecord.Stack("copy-chain-changed", "us-west-2", TemplateDigest.of(NEWER)),
                new DeployRecord.Stack("copy-chain-gone", "us-west-2", TemplateDigest.of(TEMPLATE))),
                List.of(), "cdk deploy exited with 0"));
        new ListenerSwitches(store, DEV.metadataBucket(), Clock.systemUTC()).record("CopyChain", "20230101-00",
                "copyB", false, "upstream late");
        ArcStateStore copyA = new ArcStateStore(store, ArcStateURI.of(DEV.arcStateBucket(), "CopyChain",
                "20230101-00", "copyA"), Clock.systemUTC());
        CompletedLots.record(copyA, LOT);
    }

    @AfterAll
    static void stop() throws Exception {
        MotoProcess.stop(moto);
    }

    private static Cls.Result show(String... args) {
        List<String> all = new ArrayList<>(List.of("show"));
        all.addAll(List.of(args));
        all.addAll(List.of("--endpoint-url", moto.endpoint().toString(), "--region", "us-west-2"));
        return Cls.run(all.toArray(String[]::new));
    }

    private static JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--output", "json"));
        all.addAll(List.of(args));
        Cls.Result result = show(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return Json.records().readTree(result.out());
    }

    @Test
    void project_saysWhoDeployedWhen_andEachRecordedStacksStatusAndWhetherItStillHasTheDeployedTemplate()
            throws Exception {
        JsonNode project = json("project", "CopyChain:20230101-00").get(0);

        assertThat(project.at("/placement/provider").asText()).isEqualTo("aws");
        assertThat(project.path("state").asText()).isEqualTo("deployed");
        assertThat(project.at("/deploy/by").asText()).isEqualTo("jo@laptop");
        assertThat(project.at("/deploy/finishedAt").asText()).isEqualTo("2026-12-01T10:04:00Z");
        assertThat(project.at("/deploy/clsVersion").asText()).isEqualTo("0.1.0");
        assertThat(project.at("/stacks/0/status").asText()).isEqualTo("CREATE_COMPLETE");
        assertThat(project.at("/stacks/0/templateCurrent").asBoolean()).isTrue();
        assertThat(project.at("/stacks/1/status").asText()).isEqualTo("CREATE_COMPLETE");
        assertThat(project.at("/stacks/1/templateCurrent").asBoolean()).isFalse();
        assertThat(project.at("/stacks/2/status").asText()).isEqualTo("ABSENT");
        assertThat(project.at("/stacks/2/templateCurrent").isNull()).isTrue();

        Cls.Result table = show("projects");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).contains("2 CREATE_COMPLETE, 1 ABSENT").contains("jo@laptop")
                .contains("2026-12-01T10:04:00Z");
    }

    @Test
    void placement_saysItsBootstrapStacksStatus() throws Exception {
        JsonNode placement = json("placement", "dev-123456789012-us-west-2").get(0);

        assertThat(placement.at("/bootstrap/stack/name").asText()).isEqualTo(DEV.bootstrapStack());
        assertThat(placement.at("/bootstrap/stack/status").asText()).isEqualTo("CREATE_COMPLETE");
        assertThat(placement.at("/bootstrap/createdAt").asText()).isNotBlank();
        assertThat(placement.at("/projects/0/state").asText()).isEqualTo("deployed");
    }

    @Test
    void arcs_sayTheListenerDisabledByItsRecord_andTheNewestLotsState() throws Exception {
        JsonNode copyB = json("arc", "copyB").get(0);
        JsonNode copyA = json("arc", "copyA").get(0);

        assertThat(copyB.at("/listener/enabled").asBoolean()).isFalse();
        assertThat(copyB.at("/listener/reason").asText()).isEqualTo("upstream late");
        assertThat(copyA.at("/listener/enabled").asBoolean()).isTrue();
        assertThat(copyA.at("/lastLot/lot").asText()).isEqualTo(LOT.format());
        assertThat(copyA.at("/lastLot/state").asText()).isEqualTo("complete");
    }

    @Test
    void aPlacementFilterMatchingNothing_isOneLineNamingWhatToRun() {
        Cls.Result result = show("projects", "--stage", "prod");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err().strip()).isEqualTo("error: no bootstrapped placement of stage prod in region "
                + "us-west-2 among the buckets the account lists; run cls bootstrap --account ACCOUNT --region "
                + "us-west-2 --stage prod --endpoint-url " + moto.endpoint() + " --approve to make one");
    }
}

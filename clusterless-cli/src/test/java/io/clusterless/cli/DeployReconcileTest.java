package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.metadata.DeployRecord;
import io.clusterless.engine.metadata.DeployRecords;
import io.clusterless.engine.metadata.PlacementRecords;
import io.clusterless.engine.metadata.TemplateDigest;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.S3ObjectStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR-0009 against moto_server: the deploy record a {@code cls deploy} or {@code destroy} killed while cdk ran
 * leaves behind is completed, failed or reported by the next command that reads the placement, from what
 * CloudFormation says of the recorded stacks. (The kill itself, of a real {@code bin/cls deploy}, is in
 * DeployInterruptIT.)
 */
class DeployReconcileTest {
    private static final PlacementNames DEV = new PlacementNames("dev", "123456789012", "us-west-2");
    private static final String TEMPLATE = "{\"Resources\": {\"Topic\": {\"Type\": \"AWS::SNS::Topic\"}}}";
    private static final String OLDER = "{\"Resources\": {\"Older\": {\"Type\": \"AWS::SNS::Topic\"}}}";
    private static final String FILE = "/projects/copy-chain/project.json";
    private static MotoProcess moto;
    private static ObjectStore store;
    private static CloudFormationClient cloudFormation;
    private static PlacementRecords.ProjectRecords records;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoProcess.startWithCredentials();
        AwsClients clients = moto.clients();
        S3Client s3 = clients.s3();
        s3.createBucket(b -> b.bucket(DEV.metadataBucket()).createBucketConfiguration(c -> c
                .locationConstraint("us-west-2")));
        store = new S3ObjectStore(s3);
        cloudFormation = CloudFormationClient.builder().region(Region.US_WEST_2).httpClient(clients.http())
                .credentialsProvider(clients.credentials()).endpointOverride(moto.endpoint()).build();
        PlacementPlan plan = PlacementPlan.of(DEV, new ProjectLoader().loadAll(List.of(ProjectSource.file(
                Examples.file("copy-chain/project.json")))).deployables());
        records = new PlacementRecords(store, Clock.systemUTC()).recordsOf(plan).get(0);
    }

    @AfterAll
    static void stop() throws Exception {
        MotoProcess.stop(moto);
    }

    @BeforeEach
    void empty() {
        for (ObjectInfo info : store.listAll(DEV.metadataBucket(), "", null).toList()) {
            store.delete(DEV.metadataBucket(), info.key());
        }
    }

    @Test
    void deployKilledAfterCloudFormationCreatedEveryStack_projectsCompletesItsRecords() throws Exception {
        String a = stack("a"), b = stack("b");
        create(a, TEMPLATE);
        // formatted otherwise than CloudFormation has it: the digest is of the JSON, not of its spelling
        create(b, Json.records().writerWithDefaultPrettyPrinter().writeValueAsString(
                Json.records().readTree(TEMPLATE)));
        leftByAKill(DeployRecord.State.deploying, a, b);

        Cls.Result projects = projects();

        assertThat(projects.exitCode()).as(projects.toString()).isZero();
        assertThat(Json.records().readTree(projects.out()).findValuesAsText("name")).containsExactly("CopyChain");
        assertThat(projects.err()).contains("cls: deploy of CopyChain 20230101-00 started 2026-12-06T00:00:00Z by "
                + "tester@host was interrupted after its stacks were deployed: wrote its metadata records");
        for (DeployRecord.Record record : records.records()) {
            JsonNode written = Json.records().readTree(store.get(DEV.metadataBucket(), record.key()).orElseThrow()
                    .body());
            assertThat(written).as(record.key()).isEqualTo(record.body());
        }
        assertThat(state()).isEqualTo(DeployRecord.State.deployed);
        // finished records are left alone: a second report says nothing more
        assertThat(projects().err()).doesNotContain("CopyChain");
    }

    @Test
    void deployKilledBeforeCdkReachedEveryStack_isReportedWithWhatToRun_andNotCompleted() throws Exception {
        String a = stack("c"), b = stack("d"), older = stack("e");
        create(a, TEMPLATE);
        create(older, OLDER);
        leftByAKill(DeployRecord.State.deploying, a, b, older);

        Cls.Result projects = projects();

        assertThat(projects.exitCode()).as(projects.toString()).isZero();
        assertThat(Json.records().readTree(projects.out())).isEmpty();
        assertThat(projects.err()).contains("cls: deploy of CopyChain 20230101-00 started 2026-12-06T00:00:00Z by "
                + "tester@host did not finish: " + b + " (not created), " + older + " (older template); unless that "
                + "command is still running, run: cls deploy -p " + FILE);
        assertThat(state()).isEqualTo(DeployRecord.State.deploying);
        assertThat(store.head(DEV.metadataBucket(), records.records().get(0).key())).isEmpty();
    }

    @Test
    void destroyKilledAfterItsStacksWereDeleted_gapsOfTheProjectRemovesItsRecords() throws Exception {
        String a = stack("f");
        create(a, TEMPLATE);
        new PlacementRecords(store, Clock.systemUTC()).write(DEV.metadataBucket(), records.records());
        leftByAKill(DeployRecord.State.destroying, a);
        cloudFormation.deleteStack(r -> r.stackName(a));

        Cls.Result gaps = Cls.run("gaps", "--project", "CopyChain", "--endpoint-url", moto.endpoint().toString(),
                "--region", "us-west-2");

        assertThat(gaps.err()).contains("cls: destroy of CopyChain 20230101-00 started 2026-12-06T00:00:00Z by "
                + "tester@host was interrupted after its stacks were destroyed: removed its metadata records")
                .contains("project CopyChain is not deployed in any placement");
        assertThat(store.listAll(DEV.metadataBucket(), "", null).map(ObjectInfo::key).toList())
                .containsExactly("deploys/name=CopyChain/version=20230101-00/deploy.json");
        assertThat(state()).isEqualTo(DeployRecord.State.destroyed);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Cls.Result projects() {
        return Cls.run("--output", "json", "projects", "--endpoint-url", moto.endpoint().toString(), "--region",
                "us-west-2");
    }

    /** A stack name of its own per test: moto keeps stacks for the whole class. */
    private static String stack(String suffix) {
        return "DEV-copy-chain-" + suffix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void create(String name, String template) {
        cloudFormation.createStack(r -> r.stackName(name).templateBody(template));
    }

    /** What ProjectDeployment writes before cdk starts, and nothing after: the state a kill -9 leaves. */
    private static void leftByAKill(DeployRecord.State state, String... stacks) {
        List<DeployRecord.Stack> recorded = java.util.Arrays.stream(stacks)
                .map(name -> new DeployRecord.Stack(name, "us-west-2", TemplateDigest.of(TEMPLATE))).toList();
        new DeployRecords(store).put(DEV.metadataBucket(), new DeployRecord(UUID.randomUUID().toString(), state,
                "CopyChain", "20230101-00", Instant.parse("2026-12-06T00:00:00Z").atZone(ZoneOffset.UTC).toInstant()
                .toString(), null, "test", "tester@host", List.of(FILE), recorded,
                state == DeployRecord.State.deploying ? records.records() : List.of(), null));
    }

    private static DeployRecord.State state() {
        return new DeployRecords(store).read(DEV.metadataBucket(), "CopyChain", "20230101-00").orElseThrow()
                .record().state();
    }
}

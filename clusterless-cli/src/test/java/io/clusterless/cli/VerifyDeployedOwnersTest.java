package io.clusterless.cli;

import io.clusterless.cli.context.ExitCodes;
import io.clusterless.engine.metadata.PlacementRecords;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.aws.S3ObjectStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cls verify} of a project whose arc reads a dataset another deployed project owns (the original's verify
 * synthesized as deploy does, owners looked up in the placement's metadata bucket): against moto_server, the
 * owner's records written as its deploy writes them.
 */
class VerifyDeployedOwnersTest {
    private static final PlacementNames E2E = new PlacementNames("e2e", "123456789012", "us-west-2");
    private static final Path OWNER = Path.of("src/test/resources/deploy/two-arcs.json").toAbsolutePath();
    private static final Path DOWNSTREAM = Path.of("src/test/resources/deploy/downstream.json").toAbsolutePath();
    private static MotoProcess moto;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoProcess.startWithCredentials();
        moto.clients().s3().createBucket(b -> b.bucket(E2E.metadataBucket())
                .createBucketConfiguration(c -> c.locationConstraint(E2E.region())));
        new PlacementRecords(new S3ObjectStore(moto.clients().s3()), Clock.systemUTC()).write(PlacementPlan.of(E2E,
                new ProjectLoader().loadAll(List.of(ProjectSource.file(OWNER))).deployables()));
    }

    @AfterAll
    static void stop() throws Exception {
        MotoProcess.stop(moto);
    }

    private static Cls.Result verify(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("verify"));
        all.addAll(List.of(args));
        all.addAll(List.of("--endpoint-url", moto.endpoint().toString(), "--region", E2E.region()));
        return Cls.run(all.toArray(String[]::new));
    }

    @Test
    void aSourceOwnedByADeployedProject_isFoundInTheMetadataBucket_andTheProjectSynthesizes() {
        Cls.Result result = verify(DOWNSTREAM.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("E2E-deploy-downstream-arc-copy-c-20240101-00-us-west-2");
        assertThat(result.err()).contains("cdk-nag AwsSolutions: 0 errors");
    }

    @Test
    void dryRun_resolvesTheOwners_andSynthesizesNothing() {
        Cls.Result result = verify("-p", DOWNSTREAM.toString(), "--dry-run", "--output", "csv");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines()).containsExactly("project,placement,deployed owners",
                "DeployDownstream/20240101-00,123456789012/us-west-2/e2e,"
                        + "check-b/20240101=s3://e2e-cls-deploy-check-123456789012-us-west-2/copy-b/");
        assertThat(result.err()).contains("nothing synthesized").doesNotContain("cdk-nag");
    }

    @Test
    void aSourceNobodyDeployed_isOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path orphan = dir.resolve("orphan.json");
        Files.writeString(orphan, Files.readString(DOWNSTREAM).replace("\"check-b\"", "\"nowhere\""));

        Cls.Result result = verify(orphan.toString(), "--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).contains("arc 'copyC' reads dataset nowhere/20240101, which no given file owns "
                + "and no deployed project recorded");
    }

    @Test
    void theProfileOption_isTheIdentityOfTheLookup() {
        Cls.Result result = verify(DOWNSTREAM.toString(), "--dry-run", "--profile", "cls-verify-nosuch");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("cls-verify-nosuch");
    }

    @Test
    void withEveryOwnerInTheFiles_verifyMakesNoAwsCall() {
        Cls.Result result = Cls.run("verify", OWNER.toString(), "--dry-run", "--endpoint-url",
                "http://127.0.0.1:9", "--output", "csv");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines()).containsExactly("project,placement,deployed owners",
                "DeployCheck/20240101-00,123456789012/us-west-2/e2e,");
    }
}

package io.clusterless.cli;

import io.clusterless.cli.context.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy, destroy, diff, bootstrap and the reports, where they need no AWS (the moto run is DeployLifecycleIT). */
class DeployCommandsTest {
    private static final String COPY_CHAIN = Examples.file("copy-chain/project.json").toString();

    @TempDir
    Path root;

    @Test
    void deployWithoutATerminalOrApprove_failsBeforeAnyCdkOrAwsCall() {
        // tests have no console: cdk could not ask, so cls must refuse rather than hang or fail half-way
        Cls.Result result = Cls.run("deploy", "-p", COPY_CHAIN, "--endpoint-url", "http://localhost:1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("error: cls deploy needs --approve where there is no terminal");
    }

    @Test
    void destroyWithoutApprove_canBeAllowedByConfiguration() {
        Cls.Result refused = Cls.run("destroy", "-p", COPY_CHAIN, "--dry-run");
        assertThat(refused.exitCode()).as(refused.toString()).isZero(); // a dry run never asks

        Cls.Result unapproved = Cls.run("bootstrap", "--destroy", "--account", "123456789012", "--region",
                "us-west-2");
        assertThat(unapproved.exitCode()).as(unapproved.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(unapproved.err()).contains("requireDestroyApproval=false");
    }

    @Test
    void dryRunDeploy_printsTheCdkCommandItWouldRun_andWritesNothing() {
        Cls.Result result = Cls.run("deploy", "-p", COPY_CHAIN, "--approve", "--dry-run",
                "-D", "aws.lambda.snapStart=false", "--endpoint-url", "http://localhost:1");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).containsPattern("dry run: cdk deploy --app \\S+ --no-color --all --require-approval never "
                + "--progress events --method=direct");
    }

    @Test
    void deployToAnEmulator_leavesBatchImagesOut_withOneNotice() {
        String batch = Examples.file("s3-access-logs/project.json").toString();
        Cls.Result emulated = Cls.run("deploy", batch, "--approve", "--dry-run", "--endpoint-url", "http://localhost:1");

        assertThat(emulated.exitCode()).as(emulated.toString()).isZero();
        assertThat(emulated.err().lines().filter(line -> line.contains("Docker image"))).singleElement().asString()
                .startsWith("cls: --endpoint-url: no Docker image built or pushed for batch arc(s) toParquet")
                .contains("-D aws.batch.imageAssets=true");

        // a layer that sets the key is obeyed, without a notice; AWS itself gets its images
        Cls.Result kept = Cls.run("deploy", batch, "--approve", "--dry-run", "--endpoint-url", "http://localhost:1",
                "-D", "aws.batch.imageAssets=true");
        assertThat(kept.err()).as(kept.toString()).doesNotContain("Docker image");
        Cls.Result aws = Cls.run("deploy", batch, "--approve", "--dry-run");
        assertThat(aws.err()).as(aws.toString()).doesNotContain("Docker image");
        // a project without a batch arc needs no notice
        assertThat(Cls.run("deploy", COPY_CHAIN, "--approve", "--dry-run", "--endpoint-url", "http://localhost:1")
                .err()).doesNotContain("Docker image");
    }

    @Test
    void dryRunDiff_againstAnEmulator_diffsTemplatesWithoutAChangeSet() {
        Cls.Result emulated = Cls.run("diff", "-p", COPY_CHAIN, "--dry-run", "--endpoint-url", "http://localhost:1");
        assertThat(emulated.exitCode()).as(emulated.toString()).isZero();
        assertThat(emulated.err()).containsPattern("(?m)dry run: cdk diff --app \\S+ --no-color --method=template\\s*$");

        Cls.Result aws = Cls.run("diff", "-p", COPY_CHAIN, "--dry-run");
        assertThat(aws.exitCode()).as(aws.toString()).isZero();
        assertThat(aws.err()).containsPattern("(?m)dry run: cdk diff --app \\S+ --no-color\\s*$");
    }

    @Test
    void bootstrapWithoutRegion_saysWhatIsMissing() {
        Cls.Result result = Cls.run("bootstrap", "--account", "123456789012", "--approve");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("needs --region");
    }

    @Test
    void reportsReadALocalPlacement_likeAnAwsOne() {
        Cls.Result run = Cls.run("local", "run", "-p", COPY_CHAIN, "--local-root", root.toString(), "--until-idle");
        assertThat(run.exitCode()).as(run.toString()).isZero();

        Cls.Result placements = Cls.run("--output", "csv", "placements", "-P", "local", "--local-root",
                root.toString());
        assertThat(placements.out().strip().split("\n"))
                .containsExactly("provider,stage,account,region", "local,dev,123456789012,us-west-2");

        Cls.Result arcs = Cls.run("--output", "tsv", "arcs", "-P", "local", "--local-root", root.toString(),
                "--project", "CopyChain");
        String[] arcLines = arcs.out().strip().split("\n");
        assertThat(arcLines).hasSize(4);
        assertThat(arcLines[3]).isEqualTo("local\tdev\t123456789012\tus-west-2\tCopyChain\t20230101-00\tcopyC");

        Cls.Result otherStage = Cls.run("--output", "csv", "datasets", "-P", "local", "--local-root",
                root.toString(), "--stage", "prod");
        assertThat(otherStage.out().strip().split("\n")).hasSize(1);

        Cls.Result otherVersion = Cls.run("--output", "csv", "projects", "-P", "local", "--local-root",
                root.toString(), "--project", "CopyChain:1");
        assertThat(otherVersion.out().strip().split("\n")).hasSize(1);
    }
}

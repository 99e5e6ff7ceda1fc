package io.clusterless.cli;

import io.clusterless.cli.context.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The original's command forms (reference §2.2, §2.3) are accepted as written. */
class OriginalCliFormsTest {
    private static final String COPY_CHAIN = Examples.file("copy-chain/project.json").toString();

    @TempDir
    Path root;

    @Test
    void theOriginalsOwnBootstrapExampleParses() {
        // gets as far as the missing region: --providers before the command and --stage without a value are accepted
        Cls.Result result = Cls.run("--providers", "aws", "bootstrap", "--account", "123456789012", "--stage");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("needs --region");
    }

    @Test
    void aGlobalProviderIsTheDefaultOfTheCommandsOwn() {
        Cls.Result run = Cls.run("local", "run", "-p", COPY_CHAIN, "--local-root", root.toString(), "--until-idle");
        assertThat(run.exitCode()).as(run.toString()).isZero();

        Cls.Result global = Cls.run("--output", "csv", "-P", "local", "placements", "--local-root", root.toString());
        Cls.Result longForm = Cls.run("--output", "csv", "--providers", "local", "projects", "--local-root",
                root.toString());
        Cls.Result own = Cls.run("--output", "csv", "placements", "--providers", "local", "--local-root",
                root.toString());

        assertThat(global.exitCode()).as(global.toString()).isZero();
        assertThat(global.out().strip().split("\n"))
                .containsExactly("provider,stage,account,region", "local,dev,123456789012,us-west-2");
        assertThat(longForm.out()).as(longForm.toString()).contains("local,dev,123456789012,us-west-2,CopyChain");
        assertThat(own.out()).as(own.toString()).contains("local,dev,123456789012,us-west-2");
    }

    @Test
    void anAwsOnlyCommandRefusesTheLocalProvider() {
        Cls.Result result = Cls.run("-P", "local", "bootstrap", "--account", "123456789012", "--region", "us-west-2");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("cls bootstrap works on AWS only, not with --providers local");
    }

    @Test
    void aLocalOnlyCommandRefusesTheAwsProvider() {
        Cls.Result result = Cls.run("-P", "aws", "local", "run", COPY_CHAIN, "--local-root", root.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("cls local works on the local substrate only, not with --providers aws");
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void showProviderListsAwsAndLocal() {
        Cls.Result result = Cls.run("show", "provider", "--list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines()).containsExactly("aws", "local");
    }

    @Test
    void clsLocalPrintsTheScriptThatRunsOneBatchArcForOneLot() {
        String project = Examples.file("s3-access-logs/project.json").toString();

        Cls.Result result = Cls.run("local", "-p", project, "-a", "toParquet", "-l", "20230717PT5M250", "-r", "main",
                "-s", "complete");
        Cls.Result positional = Cls.run("local", project, "--arc", "TOPARQUET", "--lot", "20230717PT5M250");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines().get(0)).isEqualTo("#!/bin/bash");
        assertThat(result.outLines()).contains("export CLS_LOCAL=true");
        assertThat(result.outLines().get(result.outLines().size() - 1)).startsWith("exec './convert.sh' '--lot' "
                + "'20230717PT5M250' '--manifest' 's3://dev-clusterless-manifest-123456789012-us-west-2/datasets/"
                + "name=access-logs-raw/version=20230101/lot=20230717PT5M250/state=complete/manifest.json'");
        assertThat(positional.out()).as(positional.toString()).isEqualTo(result.out());
    }

    @Test
    void clsLocalRoleAndManifestState_chooseTheManifestTheScriptReads() {
        String project = Examples.file("s3-access-logs/project.json").toString();

        Cls.Result empty = Cls.run("local", "-p", project, "-a", "toParquet", "-l", "20230717PT5M250", "-s", "empty");
        Cls.Result noRole = Cls.run("local", "-p", project, "-a", "toParquet", "-l", "20230717PT5M250", "-r", "other");

        assertThat(empty.exitCode()).as(empty.toString()).isZero();
        assertThat(empty.outLines().get(empty.outLines().size() - 1))
                .contains("/lot=20230717PT5M250/state=empty/manifest.json'");
        assertThat(noRole.exitCode()).as(noRole.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(noRole.err().strip()).isEqualTo("error: arc toParquet has no source role other; roles: main");
    }

    @Test
    void clsLocal_readsJsonnetImportsFromJpathFolders() throws Exception {
        Path example = Examples.file("s3-access-logs/project.json").getParent();
        Path project = java.nio.file.Files.createDirectories(root.resolve("project/app"));
        Path lib = java.nio.file.Files.createDirectories(root.resolve("lib"));
        for (String file : new String[]{"app/Dockerfile", "app/convert.sh"}) {
            java.nio.file.Files.copy(example.resolve(file), root.resolve("project").resolve(file));
        }
        java.nio.file.Files.copy(example.resolve("project.jsonnet"), root.resolve("project/project.jsonnet"));
        java.nio.file.Files.copy(example.resolve("properties.libsonnet"), lib.resolve("properties.libsonnet"));

        Cls.Result result = Cls.run("local", "-p", root.resolve("project/project.jsonnet").toString(), "--jpath",
                lib.toString(), "-a", "toParquet", "-l", "20230717PT5M250");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines().get(0)).isEqualTo("#!/bin/bash");
    }

    @Test
    void clsLocalNamesWhatItCannotScript() {
        Cls.Result notBatch = Cls.run("local", "-p", COPY_CHAIN, "-a", "copyA", "-l", "20230717PT5M250");
        Cls.Result nothing = Cls.run("local", "-p", COPY_CHAIN);

        assertThat(notBatch.exitCode()).as(notBatch.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(notBatch.err()).contains("local exec is unsupported by this arc: aws:core:s3CopyArc");
        assertThat(nothing.exitCode()).as(nothing.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).contains("cls local run");
    }
}

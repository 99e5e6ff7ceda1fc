package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.cli.context.CliContext;
import io.clusterless.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cls config}: layers, origins, and errors that point at the file and line. */
class ConfigCommandTest {
    @TempDir
    Path home;

    private Path project() throws Exception {
        return Files.createDirectories(home.resolve("work/project/sub"));
    }

    private Cls.Result run(Path workingDirectory, String... args) {
        return run(workingDirectory, java.util.Map.of(), args);
    }

    private Cls.Result run(Path workingDirectory, java.util.Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                InputStream.nullInputStream()).directories(workingDirectory, home).environment(environment);
        int code = Main.run(context, args);
        return new Cls.Result(Arrays.asList(args), code, out.toString(), err.toString());
    }

    private static JsonNode byKey(Cls.Result result, String key) throws Exception {
        for (JsonNode record : Json.records().readTree(result.out())) {
            if (record.path("key").asText().equals(key)) {
                return record;
            }
        }
        throw new AssertionError("no " + key + " in " + result);
    }

    @Test
    void show_withoutFiles_printsTheDefaultsAsToml() throws Exception {
        Cls.Result result = run(project(), "config", "show");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out()).contains("[resource]", "removeAllOnDestroy = false   # from default",
                "[cdk]", "requireDeployApproval = \"broadening\"   # from default");
    }

    @Test
    void layers_mergeKeyByKey_localOverGlobal_propertiesOverAll() throws Exception {
        Path dir = project();
        Files.createDirectories(home.resolve(".cls"));
        Files.writeString(home.resolve(".cls/config-aws"),
                "[cdk]\nrequireDeployApproval = \"never\"\nrequireDestroyApproval = false\n");
        // found by walking up from work/project/sub
        Files.writeString(home.resolve("work/project/.clsconfig-aws"), "[cdk]\nrequireDeployApproval = \"any-change\"\n");

        Cls.Result result = run(dir, "-D", "common.resource.removeAllOnDestroy=true", "--output", "json",
                "config", "show");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(byKey(result, "aws.cdk.requireDeployApproval").path("value").asText()).isEqualTo("any_change");
        assertThat(byKey(result, "aws.cdk.requireDeployApproval").path("origin").asText())
                .endsWith(".clsconfig-aws");
        // the local file sets only one key of [cdk]: the global file's other key survives
        assertThat(byKey(result, "aws.cdk.requireDestroyApproval").path("value").asText()).isEqualTo("false");
        assertThat(byKey(result, "common.resource.removeAllOnDestroy").path("origin").asText()).isEqualTo("-D");
    }

    @Test
    void badValueInAFile_namesTheFileLineAndWhatIsAccepted() throws Exception {
        Path dir = project();
        Files.writeString(dir.resolve(".clsconfig-aws"), "# mine\n[cdk]\nrequireDeployApproval = \"sometimes\"\n");

        Cls.Result result = run(dir, "config", "show");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo(dir.resolve(".clsconfig-aws") + ":3:1: cdk.requireDeployApproval: "
                + "expected one of never, any_change, broadening, found: sometimes");
    }

    @Test
    void unknownKeysAndProperties_areErrorsThatListTheKnownOnes() throws Exception {
        Path dir = project();
        Files.writeString(dir.resolve(".clsconfig"), "[resource]\nremoveAll = true\n");

        Cls.Result result = run(dir, "-D", "aws.cdk.nope=1", "config", "show");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errLines()).hasSize(2);
        assertThat(result.err()).contains(".clsconfig:2:1: unknown key resource.removeAll",
                "known keys: resource.removeAllOnDestroy", "-D aws.cdk.nope: unknown configuration key");
    }

    @Test
    void tomlSyntaxErrors_areOneLine() throws Exception {
        Path dir = project();
        Files.writeString(dir.resolve(".clsconfig"), "[resource\n");

        Cls.Result result = run(dir, "config", "show");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).contains(".clsconfig: not readable as TOML");
    }

    @Test
    void init_writesAFileThatLoadsBack_andRefusesToOverwriteWithoutForce() throws Exception {
        Path dir = project();

        Cls.Result first = run(dir, "-D", "aws.cdk.requireDestroyApproval=false", "config", "init",
                "--config", "aws", "--merge");
        Cls.Result again = run(dir, "config", "init", "--config", "aws");
        Cls.Result shown = run(dir, "--output", "json", "config", "show", "--config", "aws");

        assertThat(first.exitCode()).as("%s", first).isZero();
        assertThat(Files.readString(dir.resolve(".clsconfig-aws"))).contains("requireDestroyApproval = false");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("exists; use --force");
        assertThat(byKey(shown, "aws.cdk.requireDestroyApproval").path("value").asText()).isEqualTo("false");
        assertThat(byKey(shown, "aws.cdk.requireDestroyApproval").path("origin").asText()).endsWith(".clsconfig-aws");
    }

    @Test
    void init_global_writesUnderTheHomeDirectory() throws Exception {
        Cls.Result result = run(project(), "config", "init", "--global");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(home.resolve(".cls/config")).exists();
    }

    @Test
    void everyPropertyCommandsRead_isAKnownKey() throws Exception {
        // bug: config show rejected -D aws.lambda.snapStart=false, which synth and deploy read
        Cls.Result result = run(project(), "--output", "json", "-D", "aws.lambda.snapStart=false", "config", "show");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(byKey(result, "aws.lambda.snapStart").path("value").asText()).isEqualTo("false");
        assertThat(byKey(result, "aws.lambda.snapStart").path("origin").asText()).isEqualTo("-D");
    }

    @Test
    void clsVariables_areALayerBetweenTheFilesAndProperties() throws Exception {
        Path dir = project();
        Files.writeString(home.resolve("work/project/.clsconfig-aws"), "[cdk]\nrequireDeployApproval = \"never\"\n");
        java.util.Map<String, String> environment = java.util.Map.of(
                "CLS_AWS_CDK_REQUIRE_DEPLOY_APPROVAL", "any-change",
                "CLS_AWS_CONNECTION_PROFILE", "team");

        Cls.Result variables = run(dir, environment, "--output", "json", "config", "show");
        Cls.Result property = run(dir, environment, "--output", "json", "-D",
                "aws.cdk.requireDeployApproval=broadening", "config", "show");
        Cls.Result bad = run(dir, java.util.Map.of("CLS_AWS_LAMBDA_SNAP_START", "maybe"), "config", "show");

        assertThat(byKey(variables, "aws.cdk.requireDeployApproval").path("value").asText()).isEqualTo("any_change");
        assertThat(byKey(variables, "aws.cdk.requireDeployApproval").path("origin").asText())
                .isEqualTo("$CLS_AWS_CDK_REQUIRE_DEPLOY_APPROVAL");
        assertThat(byKey(variables, "aws.connection.profile").path("value").asText()).isEqualTo("team");
        assertThat(byKey(property, "aws.cdk.requireDeployApproval").path("origin").asText()).isEqualTo("-D");
        assertThat(bad.exitCode()).as("%s", bad).isEqualTo(1);
        assertThat(bad.err().strip()).isEqualTo("$CLS_AWS_LAMBDA_SNAP_START: expected true or false, found: maybe");
    }

    @Test
    void connectionSettings_inAFile_areTheOptionsDefaults_andTheOptionWins() throws Exception {
        Path dir = project();
        Files.writeString(home.resolve("work/project/.clsconfig-aws"),
                "[connection]\nendpointUrl = \"http://localhost:1\"\nprofile = \"team\"\n");
        String file = Examples.file("copy-chain/project.json").toString();

        Cls.Result configured = run(dir, "diff", file, "--dry-run");
        Cls.Result given = run(dir, "diff", file, "--dry-run", "--endpoint-url", "http://localhost:2");

        assertThat(configured.exitCode()).as("%s", configured).isZero();
        // an emulator's diff compares templates, and the profile goes to the CDK CLI
        assertThat(configured.err()).contains("--profile team").contains("--method=template")
                .contains("cls: --endpoint-url: functions without SnapStart");
        assertThat(given.exitCode()).as("%s", given).isZero();
        assertThat(given.err()).contains("--method=template");
    }
}

package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cls synth} and {@code cls verify}, black-box: exit codes, printed stacks, the written assembly. */
class SynthCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final String COPY_CHAIN = ROOT.resolve("examples/copy-chain/project.json").toString();

    @Test
    void synth_writesACloudAssemblyWithTheGroupedAndOneStackPerArc(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("cdk.out");

        Cls.Result result = Cls.run("synth", "-p", COPY_CHAIN, "-o", out.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.out()).contains("DEV-copy-chain-resource-activity-boundary-20230101-00-us-west-2")
                .contains("DEV-copy-chain-arc-copy-a-20230101-00-us-west-2")
                .contains("DEV-copy-chain-arc-copy-c-20230101-00-us-west-2");
        JsonNode manifest = Json.records().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.path("artifacts").has("DEV-copy-chain-arc-copy-b-20230101-00-us-west-2")).isTrue();
        assertThat(out.resolve("DEV-copy-chain-arc-copy-b-20230101-00-us-west-2.template.json")).exists();
    }

    @Test
    void synth_replacesAnEarlierAssemblyButRefusesAnyOtherDirectory(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("cdk.out");
        assertThat(Cls.run("synth", "-p", COPY_CHAIN, "-o", out.toString()).exitCode()).isEqualTo(0);

        Cls.Result again = Cls.run("synth", "-p", COPY_CHAIN, "--exclude-all-arcs", "-o", out.toString());
        assertThat(again.exitCode()).as("%s", again).isEqualTo(0);
        assertThat(out.resolve("DEV-copy-chain-arc-copy-b-20230101-00-us-west-2.template.json")).doesNotExist();

        Path other = Files.createDirectories(dir.resolve("src"));
        Files.writeString(other.resolve("keep.txt"), "mine");
        Cls.Result refused = Cls.run("synth", "-p", COPY_CHAIN, "-o", other.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("error: -o ").contains("no cloud assembly");
        assertThat(other.resolve("keep.txt")).exists();
    }

    @Test
    void synthAgain_copiesTheAssemblyFromTheCache_unlessNoCache(@TempDir Path dir) throws IOException {
        // a copy in a folder of its own (part of the cache key): no earlier run can have cached it
        Path file = Files.copy(Path.of(COPY_CHAIN), dir.resolve("project.json"));
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Path third = dir.resolve("third");

        Cls.Result fresh = Cls.run("-v", "synth", "-p", file.toString(), "-o", first.toString());
        Cls.Result cached = Cls.run("-v", "synth", "-p", file.toString(), "-o", second.toString());
        Cls.Result bypassed = Cls.run("-v", "synth", "--no-cache", "-p", file.toString(), "-o", third.toString());

        // jsii-wait: what jsii's start still took once the files were loaded (the timings left it out before)
        assertThat(fresh.err()).as("%s", fresh).contains(" jsii-wait=", " constructs=").doesNotContain(" cached=");
        assertThat(cached.err()).as("%s", cached).contains(" cached=").doesNotContain(" constructs=", " jsii-wait=");
        assertThat(bypassed.err()).as("%s", bypassed).contains(" jsii-wait=", " constructs=")
                .doesNotContain(" cached=");
        assertThat(stacks(cached)).isEqualTo(stacks(fresh)).hasSize(4);
        try (var files = Files.list(first)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                assertThat(second.resolve(path.getFileName().toString())).hasSameBinaryContentAs(path);
            }
        }
    }

    /** Each printed stack with its resource count. */
    private static java.util.List<String> stacks(Cls.Result result) {
        return result.out().lines().filter(line -> line.startsWith("DEV-"))
                .map(line -> String.join(" ", java.util.Arrays.asList(line.split("\\s+")).subList(0, 2))).toList();
    }

    @Test
    void synthBootstrap_writesTheBootstrapStackOfThePlacement(@TempDir Path dir) {
        Path out = dir.resolve("boot");

        Cls.Result result = Cls.run("synth", "--bootstrap", "--stage", "dev", "--account", "123456789012",
                "--region", "us-west-2", "-o", out.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.out()).contains("DEV-clusterless-bootstrap");
        assertThat(out.resolve("DEV-clusterless-bootstrap.template.json")).exists();
    }

    @Test
    void synth_takesTheProjectFileAsAnArgument(@TempDir Path dir) {
        Path out = dir.resolve("cdk.out");

        Cls.Result result = Cls.run("synth", COPY_CHAIN, "-o", out.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(out.resolve("DEV-copy-chain-arc-copy-b-20230101-00-us-west-2.template.json")).exists();
    }

    @Test
    void synth_withNeitherFilesNorBootstrap_orAFileArgumentAndBootstrap_isAUsageError() {
        Cls.Result neither = Cls.run("synth");
        Cls.Result both = Cls.run("synth", COPY_CHAIN, "--bootstrap", "--account", "1", "--region", "r");

        assertThat(neither.exitCode()).as("%s", neither).isEqualTo(2);
        assertThat(neither.errLines().get(0)).isEqualTo("error: which project? Give the project files as arguments "
                + "(cls synth project.json) or with -p FILE, or --bootstrap --account A --region R");
        assertThat(both.exitCode()).as("%s", both).isEqualTo(2);
        assertThat(both.errLines().get(0)).isEqualTo("error: give either project files or --bootstrap, not both");
    }

    @Test
    void synth_withProjectAndBootstrapTogether_isAUsageError() {
        Cls.Result result = Cls.run("synth", "-p", COPY_CHAIN, "--bootstrap", "--account", "1", "--region", "r");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ");
    }

    @Test
    void synth_ofAnInvalidProject_printsItsProblemsAndFails(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"project\": {\"name\": \"Bad\"}}");

        Cls.Result result = Cls.run("synth", "-p", file.toString(), "-o", dir.resolve("out").toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.err()).contains(file.toString()).contains("version");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void verify_reportsEveryStackAndNoNagErrorForAnExample() {
        Cls.Result result = Cls.run("verify", "-p", COPY_CHAIN);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.out()).contains("DEV-copy-chain-arc-copy-a-20230101-00-us-west-2");
        assertThat(result.err()).contains("cdk-nag AwsSolutions: 0 errors");
    }

    @Test
    void verify_printsTheStatementOfASampleLotForAnSqlArc() {
        Cls.Result result = Cls.run("verify", "-p", Examples.file("clicks-parquet/project.json").toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        // the lot unit is found upstream: the Glue partitions arc keeps its boundary's Twelfths
        assertThat(result.err()).containsPattern("arc toParquet \\(.*project.json\\), sample lot \\d{8}PT5M\\d{3}:")
                .contains("UNLOAD (").contains("\"dt\" = ?").contains("/lot=")
                .contains("partitioned_by = ARRAY['day']");
    }
}

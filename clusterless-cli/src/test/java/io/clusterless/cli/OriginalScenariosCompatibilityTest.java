package io.clusterless.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The original's five scenarios, as its build laid them out (scenario.jsonnet, project .jsonnet reading external
 * variables, projectFiles naming the .json rendering), run unchanged on the local substrate.
 */
class OriginalScenariosCompatibilityTest {
    @TempDir
    Path root;

    @Test
    void theOriginalsFiveScenariosPassUnchangedOnTheLocalSubstrate() throws IOException {
        Path scenarios = OriginalScenarios.writeAll(root.resolve("scenarios"));

        Cls.Result result = Cls.run("scenario", "run", "-f", scenarios.toString(),
                "--ext-str", "scenario.stage=dev", "--ext-str", "scenario.aws.account=123456789012",
                "--ext-str", "scenario.aws.region=us-west-2", "--local-root", root.resolve("local").toString(),
                "--disable-destroy");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString())
                .contains("glue-simple", "copy-chain", "s3-frequent-filter-boundary", "s3-frequent-filter-copy",
                        "s3-simple")
                .doesNotContain("failed", "skipped");
        assertThat(result.out().split("passed", -1)).as(result.toString()).hasSize(6);
        // the watch counts at least 60; the filters must also have kept every _SUCCESS marker out of the copies
        for (String name : new String[]{"s3-frequent-filter-boundary", "s3-frequent-filter-copy"}) {
            String infix = name.endsWith("boundary") ? "bndry" : "copy";
            Path copies = root.resolve("local/scenarios/" + name + "/buckets/clusterless-freq-filter-" + infix
                    + "-test-123456789012-us-west-2/copy-a");
            try (Stream<Path> files = Files.walk(copies)) {
                assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .as(name).hasSize(60).allMatch(file -> file.startsWith("data-"));
            }
        }
    }

    @Test
    void theOriginalsRunnerOptionsAreAccepted() {
        Path scenarios = OriginalScenarios.writeAll(root.resolve("scenarios"));
        String[] extStrs = {"--ext-str", "scenario.stage=dev", "--ext-str", "scenario.aws.account=123456789012",
                "--ext-str", "scenario.aws.region=us-west-2", "--local-root", root.resolve("local").toString()};

        Cls.Result dryRun = Cls.run(concat(new String[]{"scenario", "run", "-f", scenarios.toString(), "--dry-run",
                "--stop-on-failure"}, extStrs));
        Cls.Result verifyOnly = Cls.run(concat(new String[]{"scenario", "run", scenarios.toString(),
                "--verify-only"}, extStrs));
        Cls.Result noExtStrs = Cls.run("scenario", "run", scenarios.resolve("s3-simple").toString(),
                "--verify-only", "--local-root", root.resolve("local").toString());

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out().split("planned", -1)).as(dryRun.toString()).hasSize(6);
        assertThat(dryRun.out()).contains("would write 60 objects 15 s apart");
        assertThat(verifyOnly.exitCode()).as(verifyOnly.toString()).isZero();
        assertThat(verifyOnly.out().split("verified", -1)).as(verifyOnly.toString()).hasSize(6);
        assertThat(root.resolve("local/scenarios")).doesNotExist();
        assertThat(noExtStrs.exitCode()).as(noExtStrs.toString()).isEqualTo(1);
        assertThat(noExtStrs.out()).contains("Unknown extVar: scenario.", "pass it with --ext-str scenario.");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

package io.clusterless.cli;

import io.clusterless.cli.context.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How cls talks about the identity and endpoint it uses, run as a user would: a child process with an environment
 * of the test's making (the SDK reads credentials from the process environment, not from cls's context).
 */
class AwsIdentityTest {
    /** Nothing listens on port 1 of loopback. */
    private static final String NOWHERE = "http://localhost:1";

    @TempDir
    Path home;

    @Test
    void missingCredentials_isOneLineNamingTheWaysToGiveThem() throws Exception {
        Run run = cls(Map.of(), "placements", "--endpoint-url", NOWHERE);

        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.lines()).as(run.toString()).hasSize(1);
        assertThat(run.lines().get(0)).startsWith("error: no AWS credentials found: give --profile NAME")
                .contains("aws sso login");
    }

    @Test
    void anUnreachableEndpoint_isOneLineNamingTheEndpointOption() throws Exception {
        Run run = cls(Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing"),
                "placements", "--endpoint-url", NOWHERE);

        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.lines()).as(run.toString()).hasSize(1);
        assertThat(run.lines().get(0)).startsWith("error: cannot reach --endpoint-url " + NOWHERE + " (")
                .contains("Connection refused");
    }

    @Test
    void profileOption_winsOverKeysInTheEnvironment() throws Exception {
        // GIVEN keys in the environment WHEN --profile names a profile that does not exist THEN cls fails on the
        // profile instead of quietly acting as the environment's identity (bug: the keys were used)
        Run run = cls(Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing"),
                "placements", "--profile", "nosuch", "--endpoint-url", NOWHERE);

        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.lines()).as(run.toString()).hasSize(1);
        assertThat(run.lines().get(0)).contains("nosuch").doesNotContain("cannot reach");
    }

    private Run cls(Map<String, String> extra, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("AWS_"));
        environment.put("HOME", home.toString());
        environment.put("AWS_REGION", "us-west-2");
        // no instance metadata service here: the chain must not wait for one
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        environment.putAll(extra);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exit, String output) {
        List<String> lines() {
            return output.lines().filter(line -> !line.isBlank()).toList();
        }
    }
}

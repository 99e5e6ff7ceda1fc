package io.clusterless.cli;

import io.clusterless.cli.options.AwsConnectionOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AwsConnectionOptionsTest {
    private static AwsConnectionOptions parse(String... args) {
        AwsConnectionOptions options = new AwsConnectionOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void options_overrideTheEnvironment_andReachChildProcessesThroughIt() {
        Map<String, String> environment = parse("--profile", "ci", "--region", "eu-west-1", "--endpoint-url",
                "http://localhost:5000").environment(Map.of("AWS_REGION", "us-east-1", "PATH", "/bin"), "us-west-2");

        assertThat(environment).containsEntry("AWS_PROFILE", "ci").containsEntry("AWS_REGION", "eu-west-1")
                .containsEntry("AWS_DEFAULT_REGION", "eu-west-1")
                .containsEntry("AWS_ENDPOINT_URL", "http://localhost:5000").containsEntry("PATH", "/bin");
    }

    @Test
    void withoutOptions_theEnvironmentRegionBeatsThePlacements_whichIsTheLastResort() {
        assertThat(parse().environment(Map.of("AWS_DEFAULT_REGION", "ap-south-1"), "us-west-2"))
                .containsEntry("AWS_REGION", "ap-south-1").doesNotContainKeys("AWS_PROFILE", "AWS_ENDPOINT_URL");
        assertThat(parse().environment(Map.of(), "us-west-2")).containsEntry("AWS_REGION", "us-west-2");
    }

    @Test
    void clients_pointEveryServiceAtTheEndpoint() {
        var clients = parse("--endpoint-url", "http://localhost:5000").clients(Map.of(), "us-west-2");

        assertThat(clients.settings().endpoint("s3")).hasValueSatisfying(uri ->
                assertThat(uri.toString()).isEqualTo("http://localhost:5000"));
        assertThat(clients.settings().endpoint("events")).isPresent();
        assertThat(clients.settings().region()).isEqualTo("us-west-2");
    }
}

package io.clusterless.substrate.aws.nag;

import io.clusterless.substrate.aws.Projects;
import io.clusterless.substrate.aws.Synthesized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A synth that does not run cdk-nag never has jsii load cdk-nag's module into node (its first load costs about 0.2
 * s), though the projects carry resource and stack suppressions; with cdk-nag on, it is loaded. Each synth runs in
 * a fresh JVM with JSII_DEBUG=1, which logs every request to node, module loads included.
 */
class CdkNagModuleLoadTest {
    private static final String LOAD_REQUEST = "\"api\":\"load\"";

    @Test
    void synthWithoutNag_loadsNoCdkNagModule(@TempDir Path temp) throws Exception {
        List<String> loads = moduleLoads(temp, "plain", Synthesized.resource("projects/all-components.json"),
                Projects.EXAMPLES.resolve("clicks-parquet/project.json"),
                Projects.EXAMPLES.resolve("sensor-stats/project.json"));

        assertThat(loads).as("modules loaded").isNotEmpty().noneMatch(load -> load.contains("\"name\":\"cdk-nag\""));
    }

    @Test
    void synthWithNag_loadsCdkNagModule(@TempDir Path temp) throws Exception {
        assertThat(moduleLoads(temp, "nag", Projects.EXAMPLES.resolve("simple-copy/project.json"))).anyMatch(load -> load.contains("\"name\":\"cdk-nag\""));
    }

    /**
     * The module loads of a child JVM synthesizing {@code projects}: all-components, clicks-parquet (Athena) and
     * sensor-stats (SageMaker) hold every kind of suppression.
     */
    private static List<String> moduleLoads(Path temp, String mode, Path... projects)
            throws IOException, InterruptedException {
        // beside the build's other output, so it outlives the test when the child fails
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "cdk-nag-module-load-" + mode + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dcls.lambda.jar=" + Projects.lambdaJar(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                SynthChildMain.class.getName(), temp.resolve("cdk.out").toString(), mode));
        for (Path project : projects) {
            command.add(project.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JSII_DEBUG", "1");
        Process process = builder.start();
        // a bound so a hung child fails the build instead of holding it
        boolean done = process.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done && process.exitValue() == 0).as("child synth; its output is in %s", log).isTrue();
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.startsWith("> ") && line.contains(LOAD_REQUEST)).toList();
        }
    }
}

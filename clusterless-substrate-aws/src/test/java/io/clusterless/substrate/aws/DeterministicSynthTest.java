package io.clusterless.substrate.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Synthesizing the same projects twice gives the same assembly byte for byte, in two separate JVMs: a map or set
 * whose order depends on the JVM (Map.of, Set.of, identity hashes) would change templates and asset hashes between
 * runs, and a cache of synthesized assemblies keyed by their input would never hit.
 */
class DeterministicSynthTest {
    @Test
    void examples_synthesizeToByteIdenticalTemplatesInTwoJvms(@TempDir Path temp) throws Exception {
        Path first = synthInChildJvm(temp.resolve("first"));
        Path second = synthInChildJvm(temp.resolve("second"));

        List<Path> files = relativeFiles(first);
        assertThat(files).as("files of the assembly, asset folders named by hash included")
                .isEqualTo(relativeFiles(second));
        List<Path> templates = files.stream().filter(f -> f.toString().endsWith(".template.json")).toList();
        assertThat(templates).hasSizeGreaterThan(10);
        for (Path template : templates) {
            assertThat(Files.readString(second.resolve(template))).as(template.toString())
                    .isEqualTo(Files.readString(first.resolve(template)));
        }
        System.out.println("identical in two JVMs: " + templates.size() + " templates, " + files.size() + " files");
    }

    private static Path synthInChildJvm(Path outdir) throws IOException, InterruptedException {
        Files.createDirectories(outdir);
        Path log = outdir.resolveSibling(outdir.getFileName() + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dcls.lambda.jar=" + Projects.lambdaJar(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                SynthExamplesMain.class.getName(), outdir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // a bound so a hung child fails the build instead of holding it; a synth of the examples takes seconds
        boolean done = process.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done && process.exitValue() == 0).as("child synth finished; its output:%n%s",
                Files.readString(log)).isTrue();
        return outdir;
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}

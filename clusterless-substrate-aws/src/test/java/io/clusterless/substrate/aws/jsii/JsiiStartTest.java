package io.clusterless.substrate.aws.jsii;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jsii loads the CDK's modules (and cls's own) from the user cache's copies of their tarballs, not from fresh copies
 * in the temporary folder, with the jsii this build ships; and exactly as before when its internals differ or a copy
 * is damaged. Each case runs in a JVM of its own: jsii's engine, and the modules it loaded, are one per JVM.
 */
class JsiiStartTest {
    // not the AWS CLI's nor the node proxy agent's (JsiiStart.UNUSED); cls's own last (ADR 17)
    private static final List<String> CDK_MODULES = List.of("@aws-cdk/cloud-assembly-schema@54.15.0",
            "constructs@10.8.1", "aws-cdk-lib@2.263.0", "clusterless-synth@1.0.0");

    @TempDir
    Path temp;

    @Test
    void shippedJsii_loadsEveryCdkModuleAndItsRuntimeFromTheCache_inJsiiOrder_withoutATemporaryFolder()
            throws IOException, InterruptedException {
        // no temporary folder at all: any tarball or runtime script jsii copied out of a jar itself would fail it
        Child first = run("first", "loadedModules", false);
        assertThat(first.line("cached")).isEqualTo(String.join(" ", CDK_MODULES));
        assertThat(first.line("byJsii")).isEmpty();
        assertThat(first.line("fallback")).isEmpty();
        assertThat(first.line("runtime")).startsWith(temp.resolve("cache/jsii-runtime").toString())
                .endsWith("/bin/jsii-runtime.js");
        Path modules = temp.resolve("cache/jsii-modules");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(modules))).isEqualTo("rwx------");
        List<Path> tarballs = list(modules);
        assertThat(tarballs).hasSize(CDK_MODULES.size());
        for (Path tarball : tarballs) {
            assertThat(tarball.getFileName().toString()).matches("[0-9a-f]{64}\\.tgz");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tarball))).isEqualTo("rw-------");
        }

        Child second = run("second", "loadedModules", false);

        assertThat(second.line("cached")).isEqualTo(String.join(" ", CDK_MODULES));
        assertThat(second.line("runtime")).isEqualTo(first.line("runtime"));
        assertThat(list(modules)).as("the same copies, reused").isEqualTo(tarballs);
        assertThat(second.line("template")).isEqualTo(first.line("template")).contains("AWS::S3::Bucket")
                .contains("cls's own module writes this");
    }

    @Test
    void withJsiiRuntimeSet_orJsiiNodeAPlainProgram_jsiiRunsItsRuntimeAsUsual() {
        Path cache = temp.resolve("cache");
        assertThat(JsiiStart.useCachedRuntime(null, cache, "node /opt/runtime.js", "exec node")).isEmpty();
        assertThat(JsiiStart.useCachedRuntime(null, cache, null, "/usr/bin/node")).isEmpty();
        assertThat(JsiiStart.useCachedRuntime(null, cache, null, null)).isEmpty();
        assertThat(cache).doesNotExist();
    }

    @Test
    void aPathWithSpacesOrQuotes_isOneShellWord_orRefused() {
        assertThat(JsiiStart.shellWord("/home/a/.cache/x/bin/jsii-runtime.js")).contains(
                "/home/a/.cache/x/bin/jsii-runtime.js");
        assertThat(JsiiStart.shellWord("/home/a b/$x/bin/jsii-runtime.js")).contains(
                "'/home/a b/$x/bin/jsii-runtime.js'");
        assertThat(JsiiStart.shellWord("/home/o'neil/bin/jsii-runtime.js")).isEmpty();
    }

    @Test
    void jsiiWithOtherInternals_loadsTheModulesItself_withTheSameTemplate() throws IOException, InterruptedException {
        Child fast = run("fast", "loadedModules", true);

        Child other = run("other", "noSuchField", true);

        assertThat(other.line("cached")).isEmpty();
        assertThat(other.line("byJsii")).isEqualTo("clusterless-synth");
        assertThat(other.line("fallback")).contains("jsii loads the CDK's modules itself").contains("noSuchField");
        assertThat(other.line("template")).isEqualTo(fast.line("template"));
    }

    @Test
    void aDamagedCopy_isDiscarded_andJsiiLoadsThatModuleItself() throws IOException, InterruptedException {
        Child first = run("first", "loadedModules", true);
        Path awsCdkLib = list(temp.resolve("cache/jsii-modules")).stream()
                .filter(p -> p.toFile().length() > 30_000_000L).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(awsCdkLib);
        Files.write(awsCdkLib, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Child second = run("second", "loadedModules", true);

        assertThat(second.line("byJsii")).isEqualTo("aws-cdk-lib@2.263.0");
        assertThat(second.line("cached")).isEqualTo(String.join(" ", CDK_MODULES.subList(0, 2)) + " "
                + CDK_MODULES.get(3));
        assertThat(second.line("template")).isEqualTo(first.line("template"));
        assertThat(awsCdkLib).as("discarded: the next run copies it afresh").doesNotExist();
    }

    /**
     * Runs {@link JsiiStartMain}; with {@code withTmpdir} false its temporary folder does not exist, and JSII_NODE is
     * a command (as bin/cls sets it), so jsii may run the cache's copy of its runtime.
     */
    private Child run(String name, String loadedField, boolean withTmpdir) throws IOException, InterruptedException {
        Path tmpdir = temp.resolve(name + "-tmp");
        Path log = temp.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + tmpdir,
                JsiiStartMain.class.getName(), temp.resolve("cache").toString(), loadedField,
                temp.resolve(name + "-out").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("JSII_RUNTIME");
        // the kernel checks each assembly against jsii's schema only when asked: cls's own is written by hand
        builder.environment().put("JSII_VALIDATE_ASSEMBLIES", "true");
        if (withTmpdir) {
            Files.createDirectories(tmpdir);
            builder.environment().remove("JSII_NODE");
        } else {
            builder.environment().put("JSII_NODE", "exec node");
        }
        Process process = builder.start();
        // a bound so a hung child fails the build instead of holding it; the child takes seconds
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(done && process.exitValue() == 0).as("child finished; its output:%n%s", output).isTrue();
        return new Child(output);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** A child's output. */
    private record Child(String output) {
        String line(String key) {
            return output.lines().filter(l -> l.startsWith(key + ":")).findFirst()
                    .map(l -> l.substring(key.length() + 1).strip()).orElseThrow(() -> new AssertionError(
                            "no " + key + " line in:\n" + output));
        }
    }
}

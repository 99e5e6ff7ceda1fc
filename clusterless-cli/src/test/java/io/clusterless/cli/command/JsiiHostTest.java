package io.clusterless.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterless.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.jsii.JsiiRuntime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code src/main/node/jsii-host.js}, which runs jsii's kernel without jsii's relay process (bin/cls names it in
 * JSII_NODE): jsii's Java side must see the relay's contract, protocol on stdin/stdout and console output wrapped on
 * stderr, and no runtime folder of jsii's may stay behind. Against jsii's real kernel (the runtime jsii's own jar
 * bundles) and, for console output, which the kernel itself never writes on request, a stand-in program with the
 * kernel's I/O contract (fd 3 both ways, console on stdout and stderr). Waits are for process exits, bounded.
 */
class JsiiHostTest {
    static final Path HOST = Path.of("src/main/node/jsii-host.js").toAbsolutePath();
    private static final Path PROJECT = Path.of("src/test/resources/deploy/two-arcs.json").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void jsiisKernel_answersOnStdout_keepsItsConsoleOnStderr_andItsRuntimeFolderIsRemovedAtExit() throws Exception {
        Path runtime = Files.createDirectories(temp.resolve("jsii-java-runtime1234"));
        for (String file : List.of("bin/jsii-runtime.js", "lib/program.js", "lib/runtime-index-worker.js")) {
            Path target = Files.createDirectories(runtime.resolve(file).getParent()).resolve(runtime.resolve(file)
                    .getFileName());
            try (InputStream in = JsiiRuntime.class.getResourceAsStream(file)) {
                assertThat(in).as(file + " in jsii's jar").isNotNull();
                Files.copy(in, target);
            }
        }
        // JSII_DEBUG: the kernel traces every request on its stderr, which must not reach the responses
        Host host = Host.start(runtime, "1");
        assertThat(host.response().get("hello").asText()).startsWith("@jsii/runtime@");
        JsonNode stats = host.request("{\"api\":\"stats\"}");
        assertThat(stats.at("/ok/objectCount").asInt()).isZero();

        Ended ended = host.exit();
        assertThat(ended.code()).as(ended.stderr().toString()).isZero();
        assertThat(ended.stdout()).as("nothing on stdout after the responses").isEmpty();
        assertThat(ended.stderr()).as("the kernel's trace").contains("> {\"api\":\"stats\"}");
        assertThat(runtime).doesNotExist();
    }

    @Test
    void theUserCachesCopyOfTheRuntime_isNeverRemoved() throws Exception {
        // where cls has jsii run its runtime from (JsiiStart): kept for every later run
        Path runtime = Files.createDirectories(temp.resolve("cache/jsii-runtime/" + "0123456789abcdef".repeat(4)));
        List<String> files = List.of("bin/jsii-runtime.js", "lib/program.js", "lib/runtime-index-worker.js");
        for (String file : files) {
            Files.createDirectories(runtime.resolve(file).getParent());
            try (InputStream in = JsiiRuntime.class.getResourceAsStream(file)) {
                Files.copy(in, runtime.resolve(file));
            }
        }
        Host host = Host.start(runtime, null);
        assertThat(host.response().get("hello").asText()).startsWith("@jsii/runtime@");

        Ended ended = host.exit();

        assertThat(ended.code()).as(ended.stderr().toString()).isZero();
        for (String file : files) {
            assertThat(runtime.resolve(file)).isRegularFile();
        }
    }

    @Test
    void consoleOutput_isWrappedOntoStderr_asJsiisRelayDoes_andTheProtocolStaysClean() throws Exception {
        Path runtime = standIn(temp.resolve("jsii-java-runtime5678"));
        Host host = Host.start(runtime, null);
        assertThat(host.response()).isEqualTo(JSON.readTree("{\"hello\":\"stand-in\"}"));
        assertThat(host.request("{\"x\":1}")).isEqualTo(JSON.readTree("{\"echo\":{\"x\":1}}"));
        assertThat(host.response().get("fd").asInt()).isGreaterThan(3);

        Ended ended = host.ended();
        assertThat(ended.code()).as("the program's exit code").isEqualTo(7);
        assertThat(ended.stdout()).isEmpty();
        assertThat(ended.stderr()).containsExactly(
                "{\"stdout\":\"" + base64("to stdout\n") + "\"}",
                "{\"stderr\":\"" + base64("to stderr") + "\"}",
                "{\"stderr\":\"" + base64("done\n") + "\"}");
        assertThat(runtime).doesNotExist();
    }

    @Test
    void theCdksTimingOfEveryFsCall_isOff_unlessTheUserSaysOtherwise() throws Exception {
        // aws-cdk-lib times every fs call (the kernel's pipe reads and writes among them) unless this is set
        String program = """
                const fs = require('fs');
                fs.writeSync(3, JSON.stringify({ perf: process.env.CDK_NO_PERF_BUILTINS ?? null }) + '\\n');
                """;
        Host unset = Host.start(standInRuntime(temp.resolve("jsii-java-runtime31"), program), null, null);
        assertThat(unset.response()).isEqualTo(JSON.readTree("{\"perf\":\"1\"}"));
        unset.ended();
        Host kept = Host.start(standInRuntime(temp.resolve("jsii-java-runtime32"), program), null, "0");
        assertThat(kept.response()).isEqualTo(JSON.readTree("{\"perf\":\"0\"}"));
        kept.ended();
    }

    @Test
    void atExit_tenEmptyRuntimeFoldersLeftByEarlierRuns_areRemoved_butNoOtherFolder() throws Exception {
        Path runtime = standIn(temp.resolve("jsii-java-runtime1"));
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        List<Path> dead = new ArrayList<>(); // what JVMs leave after Ctrl-C killed their node
        for (int i = 100; i < 112; i++) {
            dead.add(emptyRuntime("jsii-java-runtime" + i, old));
        }
        Path starting = emptyRuntime("jsii-java-runtime3", FileTime.from(Instant.now())); // a JVM extracting now
        Path live = emptyRuntime("jsii-java-runtime4", old);
        Files.writeString(live.resolve("lib/program.js"), "");
        Path notJsiis = emptyRuntime("jsii-java-runtime-resource5", old);
        Files.setLastModifiedTime(live, old);
        Files.setLastModifiedTime(notJsiis, old);

        Host host = Host.start(runtime, null);
        assertThat(host.response()).isEqualTo(JSON.readTree("{\"hello\":\"stand-in\"}"));
        host.request("{}");
        host.response();
        assertThat(host.ended().code()).isEqualTo(7);

        assertThat(runtime).doesNotExist();
        assertThat(dead.stream().filter(Files::exists)).as("a backlog drains ten a run").hasSize(2);
        assertThat(starting).isDirectory();
        assertThat(live.resolve("lib/program.js")).exists();
        assertThat(notJsiis).isDirectory();
    }

    private Path emptyRuntime(String name, FileTime modified) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        for (String sub : List.of("bin", "lib")) {
            Files.setLastModifiedTime(Files.createDirectories(folder.resolve(sub)), modified);
        }
        Files.setLastModifiedTime(folder, modified);
        return folder;
    }

    @Test
    void aSynthThroughTheHost_succeeds_andLeavesNoFolderOfJsiisInTheTempDirectory() throws Exception {
        // jsii's own relay leaves jsii-java-runtime<n>/bin and /lib behind after every run (and everything after a
        // kill); the JVM and node both use this temp directory
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        Path out = temp.resolve("cdk.out");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "synth", "--no-cache", "-p", PROJECT.toString(), "-o", out.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JSII_NODE", "node --preserve-symlinks " + HOST);
        builder.environment().put("TMPDIR", tmp.toString());
        builder.environment().put("CLS_CACHE_DIR", temp.resolve("cache").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(out.resolve("manifest.json")).exists();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(path -> path.getFileName().toString())).as(output)
                    .noneMatch(name -> name.startsWith("jsii-"));
        }
    }

    @Test
    void withoutPreserveSymlinks_refusesInOneLine() throws Exception {
        Process process = new ProcessBuilder("node", HOST.toString(), temp.resolve("bin/jsii-runtime.js").toString())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output.lines().toList()).hasSize(1).first().asString().startsWith("jsii-host: ");
    }

    /** A runtime folder whose program has the kernel's I/O contract: console output, hello, one echo, exit 7. */
    private static Path standIn(Path folder) throws IOException {
        return standInRuntime(Files.createDirectories(folder), """
                const fs = require('fs');
                console.log('to stdout');
                process.stderr.write('to stderr');
                fs.writeSync(3, '{"hello":"stand-in"}\\n');
                const buffer = Buffer.alloc(4096);
                let line = '';
                while (!line.includes('\\n')) {
                  const read = fs.readSync(3, buffer, 0, buffer.length, null);
                  if (read === 0) process.exit(2);
                  line += buffer.subarray(0, read).toString();
                }
                fs.writeSync(3, '{"echo":' + line.trim() + '}\\n');
                const file = fs.openSync(__filename, 'r'); // a file the program opens never gets the protocol's fd
                fs.writeSync(3, '{"fd":' + file + '}\\n');
                console.error('done');
                process.exit(7);
                """);
    }

    /**
     * Makes {@code runtime} a runtime folder as jsii extracts one (bin/jsii-runtime.js, which the host only names,
     * and lib/program.js), whose kernel is {@code program}: a stand-in with the kernel's I/O contract.
     */
    static Path standInRuntime(Path runtime, String program) throws IOException {
        Files.createDirectories(runtime.resolve("bin"));
        Files.writeString(runtime.resolve("bin/jsii-runtime.js"), "");
        Files.createDirectories(runtime.resolve("lib"));
        Files.writeString(runtime.resolve("lib/program.js"), program);
        return runtime;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The host as jsii's Java side runs it: JSII_NODE, then the path of bin/jsii-runtime.js. */
    private record Host(Process process, BufferedReader stdout, OutputStream stdin, Path stderr) {
        static Host start(Path runtime, String jsiiDebug) throws IOException {
            return start(runtime, jsiiDebug, null);
        }

        static Host start(Path runtime, String jsiiDebug, String cdkNoPerfBuiltins) throws IOException {
            ProcessBuilder builder = new ProcessBuilder("node", "--preserve-symlinks", HOST.toString(),
                    runtime.resolve("bin/jsii-runtime.js").toString());
            builder.environment().remove("JSII_DEBUG");
            if (jsiiDebug != null) {
                builder.environment().put("JSII_DEBUG", jsiiDebug);
            }
            builder.environment().remove("CDK_NO_PERF_BUILTINS");
            if (cdkNoPerfBuiltins != null) {
                builder.environment().put("CDK_NO_PERF_BUILTINS", cdkNoPerfBuiltins);
            }
            // to a file: the kernel's trace could fill a pipe nobody reads while the test waits for a response
            Path stderr = Files.createTempFile(runtime.getParent(), "stderr", ".txt");
            builder.redirectError(stderr.toFile());
            Process process = builder.start();
            return new Host(process, new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)), process.getOutputStream(), stderr);
        }

        JsonNode request(String json) throws IOException {
            stdin.write((json + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            return response();
        }

        JsonNode response() throws IOException {
            String line = stdout.readLine();
            assertThat(line).as("a response line").isNotNull();
            return JSON.readTree(line);
        }

        Ended exit() throws Exception {
            stdin.write("{\"exit\":0}\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            return ended();
        }

        Ended ended() throws Exception {
            stdin.close();
            List<String> rest = stdout.lines().toList();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("host ended").isTrue();
            return new Ended(process.exitValue(), rest, Files.readAllLines(stderr));
        }
    }

    private record Ended(int code, List<String> stdout, List<String> stderr) {
    }
}

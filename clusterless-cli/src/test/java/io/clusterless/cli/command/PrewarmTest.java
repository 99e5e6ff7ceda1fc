package io.clusterless.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterless.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prewarm of {@code src/main/node/jsii-host.js} (prewarm.js): while the kernel waits for its next request, the
 * host loads the aws-cdk-lib submodules the last run needed, reading requests ahead of the kernel through a second,
 * non-blocking descriptor of stdin. A stand-in program reads its requests as jsii's kernel does (fd 3, a 1 MB buffer,
 * a line at a time) and loads a package named aws-cdk-lib, made here, through a symbolic link as the kernel links
 * packages (lazy getters per submodule, as aws-cdk-lib's index.js has; every submodule says on stdout when it loads,
 * which is how a test knows the prewarm got there, without timing). What was prewarmed comes from the host's trace
 * ({@code CLS_PREWARM_TRACE}). And one real synth, whose assembly must not change. The prewarm is on unless
 * {@code CLS_PREWARM=off}. Waits are bounded.
 */
class PrewarmTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOADING = "{\"loading\":";
    private static final String ALL = "index.js core/index.js b/index.js c/index.js a/index.js a/lazy.js";
    private static final String ONLY_A = "index.js core/index.js a/index.js a/lazy.js";
    private static final String A = "{\"value\":\"a+lazy\"}";

    @TempDir
    Path temp;

    private int runs;

    @Test
    void theRecordedFiles_arePrewarmedInOrder_andTheKernelAnswersAsWithoutPrewarm() throws Exception {
        Path link = link(pack("one", "1.0.0"));
        List<String> gets = List.of(get("aws_b"), get("aws_a"));
        Session off = Session.start(this, Map.of("CLS_PREWARM", "off"));
        List<String> offAnswers = off.loadThen(link, gets);
        Ended offEnded = off.end();
        assertThat(offEnded.trace()).as("off: no trace").isEmpty();
        assertThat(recordFile()).as("off: nothing recorded").doesNotExist();
        // on unless CLS_PREWARM=off: a run without the variable records what it loaded
        Session recording = Session.start(this, Map.of("CLS_PREWARM", ""));
        assertThat(recording.loadThen(link, gets)).isEqualTo(offAnswers);
        assertThat(recording.end().trace()).containsExactly("list none", "recorded " + ALL);

        Session replay = Session.start(this, Map.of());
        replay.load(link);
        // loaded before any request asks for them; c by b, as when b loads on request
        replay.awaitLoaded("b/index.js", "c/index.js", "a/index.js", "a/lazy.js");
        assertThat(replay.requests(gets)).isEqualTo(offAnswers);
        // (a request may come while the last file still loads: the read-ahead returns it, `ahead 1`)
        assertThat(replay.end().trace()).filteredOn(line -> !line.startsWith("ahead ")).containsExactly(
                "list matched", "prewarmed b/index.js", "prewarmed a/index.js", "prewarmed a/lazy.js", "kept");
    }

    @Test
    void aPrewarmedFileTheRunDidNotNeed_isNotRecordedAgain() throws Exception {
        Path link = link(pack("one", "1.0.0"));
        Session recording = Session.start(this, Map.of());
        recording.loadThen(link, List.of(get("aws_b"), get("aws_a")));
        assertThat(recording.end().trace()).last().isEqualTo("recorded " + ALL);

        Session fewer = Session.start(this, Map.of());
        fewer.load(link);
        fewer.awaitLoaded("b/index.js", "c/index.js", "a/index.js", "a/lazy.js");
        assertThat(fewer.requests(List.of(get("aws_a")))).containsExactly(A);

        assertThat(fewer.end().trace()).last().isEqualTo("recorded " + ONLY_A);
    }

    @Test
    void requestsArrivingWhilePrewarming_areAnsweredWhole_inOrder() throws Exception {
        Path link = link(pack("one", "1.0.0"));
        // a request over the pipe's 64 kB, split where the read-ahead finds half of it
        String big = "{\"get\":\"aws_a\",\"echo\":\"" + "x".repeat(200_000) + "\"}";
        List<String> gets = List.of(get("aws_c"), big, get("aws_a"), get("aws_b"));
        Session off = Session.start(this, Map.of("CLS_PREWARM", "off"));
        List<String> offAnswers = off.loadThen(link, gets);
        off.end();
        Held held = replayHeldInB(link);
        Session replay = held.replay();
        Path gate = held.gate();
        String all = String.join("\n", gets) + "\n";
        int half = all.indexOf(big) + big.length() / 2;
        replay.write(all.substring(0, 40_000)); // under the pipe's capacity: nobody reads yet
        Files.writeString(gate, "open"); // b's load ends
        replay.write(all.substring(40_000, half));
        replay.write(all.substring(half));

        assertThat(replay.answers(gets.size())).isEqualTo(offAnswers);
        assertThat(replay.end().trace()).contains("list matched", "prewarmed b/index.js")
                .anyMatch(line -> line.startsWith("ahead "));
    }

    @Test
    void theEndOfInputWhilePrewarming_reachesTheKernel() throws Exception {
        Path link = link(pack("one", "1.0.0"));
        Held held = replayHeldInB(link);
        Session replay = held.replay();
        replay.stdin().close(); // as jsii's Java side closes it when the JVM ends
        Files.writeString(held.gate(), "open");

        // the stand-in exits 0 only on reading the end of its input; b was loaded, but not needed
        assertThat(replay.end().trace()).containsExactly("list matched", "prewarmed b/index.js",
                "recorded index.js core/index.js");
    }

    @Test
    void requestsFromAFileRatherThanAPipe_areReadAsBefore_withoutPrewarm() throws Exception {
        Path link = link(pack("one", "1.0.0"));
        List<String> gets = List.of(get("aws_b"), get("aws_a"));
        Session recording = Session.start(this, Map.of());
        List<String> answers = recording.loadThen(link, gets);
        recording.end();

        // a file opened again through /proc would be read from its start: no second descriptor, no prewarm
        Path requests = temp.resolve("requests");
        Files.writeString(requests, "{\"load\":\"" + link + "\"}\n" + String.join("\n", gets) + "\n");
        Session fromFile = Session.start(this, Map.of(), requests);
        assertThat(fromFile.answers(1 + gets.size())).containsExactlyElementsOf(
                Stream.concat(Stream.of("{\"ok\":\"loaded\"}"), answers.stream()).toList());

        assertThat(fromFile.end().trace()).containsExactly("list matched", "kept");
    }

    @Test
    void aFileThatFailsToLoad_stopsThePrewarm_andTheKernelMeetsTheSameError() throws Exception {
        Path link = link(pack("one", "1.0.0"));
        List<String> gets = List.of(get("aws_b"), get("aws_bad"), get("aws_a"));
        Session recording = Session.start(this, Map.of());
        recording.loadThen(link, gets);
        assertThat(recording.end().trace()).last()
                .isEqualTo("recorded index.js core/index.js b/index.js c/index.js bad/index.js a/index.js a/lazy.js");
        Session off = Session.start(this, Map.of("CLS_PREWARM", "off", "FAIL", "1"));
        List<String> offAnswers = off.loadThen(link, gets);
        off.end();
        assertThat(offAnswers.get(1)).isEqualTo("{\"error\":\"bad fails\"}");

        Session failing = Session.start(this, Map.of("FAIL", "1"));
        failing.load(link);
        failing.awaitLoaded("b/index.js", "c/index.js", "bad/index.js"); // bad says so before it throws
        List<String> answers = failing.requests(gets);

        assertThat(answers).isEqualTo(offAnswers);
        assertThat(failing.end().trace()).containsSubsequence("list matched", "prewarmed b/index.js",
                "failed bad/index.js").noneMatch(line -> line.startsWith("prewarmed a"));
    }

    @Test
    void aListForAnotherVersion_anotherFolder_damaged_orNotPrivate_isIgnoredAndReplaced() throws Exception {
        Path one = pack("one", "1.0.0");
        Path link = link(one);
        Session recording = Session.start(this, Map.of());
        recording.loadThen(link, List.of(get("aws_b"), get("aws_a")));
        recording.end();
        String recorded = Files.readString(recordFile());

        // the same folder, another version
        Files.writeString(one.resolve("package.json"), "{\"name\":\"aws-cdk-lib\",\"version\":\"1.0.1\"}");
        assertThat(ignoredRun(link)).containsExactly("list ignored other package", "recorded " + ONLY_A);
        Files.writeString(one.resolve("package.json"), "{\"name\":\"aws-cdk-lib\",\"version\":\"1.0.0\"}");

        // the same version in another folder
        Files.writeString(recordFile(), recorded);
        Path moved = link(pack("two", "1.0.0"));
        assertThat(ignoredRun(moved)).containsExactly("list ignored other package", "recorded " + ONLY_A);
        link(one);

        // each of these would match but for its own fault
        Files.writeString(recordFile(), recorded.substring(0, recorded.length() / 2));
        assertThat(ignoredRun(link)).containsExactly("list ignored damaged", "recorded " + ONLY_A);
        Files.writeString(recordFile(), recorded.replace("\"b/index.js\"", "\"../one/b/index.js\""));
        assertThat(ignoredRun(link)).containsExactly("list ignored damaged", "recorded " + ONLY_A);

        Files.writeString(recordFile(), recorded);
        Files.setPosixFilePermissions(recordFile(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(ignoredRun(link)).containsExactly("list ignored not private", "recorded " + ONLY_A);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(recordFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(recordFile().getParent())))
                .isEqualTo("rwx------");
    }

    /** A run that only asks for aws_a: the trace, which must show nothing prewarmed. */
    private List<String> ignoredRun(Path link) throws Exception {
        Session session = Session.start(this, Map.of());
        assertThat(session.loadThen(link, List.of(get("aws_a")))).containsExactly(A);
        List<String> trace = session.end().trace();
        assertThat(trace).noneMatch(line -> line.startsWith("prewarmed "));
        return trace;
    }

    @Test
    void aSynth_replayingTheLastSynthsList_writesTheSameAssemblyAsWithoutPrewarm() throws Exception {
        Path project = Path.of("src/test/resources/deploy/two-arcs.json").toAbsolutePath();
        Path off = synth(project, "off", Map.of("CLS_PREWARM", "off"));
        Path recording = synth(project, "recording", Map.of());
        Path replay = synth(project, "replay", Map.of());

        assertThat(Files.readAllLines(temp.resolve("trace-recording"))).first().isEqualTo("list none");
        assertThat(Files.readAllLines(temp.resolve("trace-recording"))).last().asString()
                .startsWith("recorded index.js ").contains(" aws-s3/index.js ", " core/lib/private/encoding.js ");
        assertThat(Files.readAllLines(temp.resolve("trace-replay"))).contains("list matched");
        assertThat(files(recording)).isEqualTo(files(off));
        assertThat(files(replay)).isEqualTo(files(off));
        for (Path file : files(off)) {
            if (file.toString().endsWith(".template.json") || file.toString().endsWith(".assets.json")) {
                assertThat(replay.resolve(file)).as(file.toString()).hasSameBinaryContentAs(off.resolve(file));
                assertThat(recording.resolve(file)).as(file.toString()).hasSameBinaryContentAs(off.resolve(file));
            }
        }
    }

    private Path synth(Path project, String name, Map<String, String> extra) throws Exception {
        Path out = temp.resolve("out-" + name);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "synth", "--no-cache", "-p", project.toString(), "-o", out.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JSII_NODE", "node --preserve-symlinks " + JsiiHostTest.HOST);
        builder.environment().put("CLS_CACHE_DIR", temp.resolve("cache").toString());
        builder.environment().put("CLS_PREWARM_TRACE", temp.resolve("trace-" + name).toString());
        builder.environment().put("CLS_PREWARM", "on");
        builder.environment().putAll(extra);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return out;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
        }
    }

    // --- the stand-in kernel and its package

    private Path recordFile() {
        return temp.resolve("cache/node-code-cache/prewarm.json");
    }

    private static String get(String property) {
        return "{\"get\":\"" + property + "\"}";
    }

    /**
     * A package named aws-cdk-lib at packages/<name>, shaped as aws-cdk-lib is: core loaded eagerly, submodules a, b, c
     * and bad through getters; b loads c; a loads a/lazy.js when its value is read; bad throws when $FAIL is set; b
     * waits for $GATE (a FIFO) if set. Each file says on stdout (the protocol's fd) when it is loading.
     */
    private Path pack(String name, String version) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("packages").resolve(name));
        Files.writeString(folder.resolve("package.json"),
                "{\"name\":\"aws-cdk-lib\",\"version\":\"" + version + "\"}");
        Files.writeString(folder.resolve("index.js"), """
                require('./core');
                for (const sub of ['a', 'b', 'c', 'bad']) {
                  Object.defineProperty(exports, `aws_${sub}`, { enumerable: true, configurable: true,
                    get: () => require(`./${sub}`) });
                }
                """);
        Map<String, String> bodies = new HashMap<>();
        bodies.put("core/index.js", "exports.value = 'core';");
        bodies.put("a/index.js", """
                let lazy = () => { const loaded = require('./lazy.js'); lazy = () => loaded; return loaded; };
                Object.defineProperty(exports, 'value', { get: () => 'a+' + lazy().value });""");
        bodies.put("a/lazy.js", "exports.value = 'lazy';");
        bodies.put("b/index.js", """
                if (process.env.GATE) require('fs').readFileSync(process.env.GATE);
                exports.value = 'b+' + require('../c').value;""");
        bodies.put("c/index.js", "exports.value = 'c';");
        bodies.put("bad/index.js", "if (process.env.FAIL) throw new Error('bad fails');\nexports.value = 'bad';");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            Path file = folder.resolve(body.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, "require('fs').writeSync(3, '{\"loading\":\"" + body.getKey() + "\"}\\n');\n"
                    + body.getValue() + "\n");
        }
        return folder;
    }

    /** Where the kernel links the package: kernel/node_modules/aws-cdk-lib, a symbolic link (made afresh). */
    private Path link(Path pack) throws IOException {
        Path link = temp.resolve("kernel/node_modules/aws-cdk-lib");
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        return Files.createSymbolicLink(link, pack);
    }

    /** A replay whose prewarm is inside b's load, held there until something is written to {@code gate}. */
    private record Held(Session replay, Path gate) {
    }

    /** Records a run needing b then a, then starts a replay whose prewarm of b/index.js waits on a gate (a FIFO). */
    private Held replayHeldInB(Path link) throws Exception {
        Session recording = Session.start(this, Map.of());
        recording.loadThen(link, List.of(get("aws_b"), get("aws_a")));
        recording.end();
        Path gate = temp.resolve("gate");
        assertThat(new ProcessBuilder("mkfifo", gate.toString()).start().waitFor()).isZero();
        Session replay = Session.start(this, Map.of("GATE", gate.toString()));
        replay.load(link);
        replay.awaitLoaded("b/index.js"); // the prewarm is inside b's load, held by the gate
        return new Held(replay, gate);
    }

    /** A runtime folder whose program reads requests as jsii's kernel does: load a package, get a property. */
    private Path standIn() throws IOException {
        return JsiiHostTest.standInRuntime(Files.createTempDirectory(temp, "jsii-java-runtime"), """
                const fs = require('fs');
                const answer = (value) => fs.writeSync(3, JSON.stringify(value) + '\\n');
                const buffer = Buffer.alloc(1024 * 1024);
                let pending = Buffer.alloc(0);
                function readLine() {
                  while (!pending.includes('\\n')) {
                    const read = fs.readSync(3, buffer, 0, buffer.length, null);
                    if (read === 0) return undefined;
                    pending = Buffer.concat([pending, buffer.subarray(0, read)]);
                  }
                  const end = pending.indexOf('\\n');
                  const line = pending.subarray(0, end).toString();
                  pending = pending.subarray(end + 1);
                  return line;
                }
                let lib;
                for (let line = readLine(); line !== undefined; line = readLine()) {
                  const request = JSON.parse(line);
                  try {
                    if (request.load) {
                      lib = require(request.load);
                      answer({ ok: 'loaded' });
                    } else {
                      const value = lib[request.get].value;
                      answer(request.echo ? { value, echo: request.echo.length } : { value });
                    }
                  } catch (e) {
                    answer({ error: e.message });
                  }
                }
                """);
    }

    /** The host running the stand-in; stdout's lines are read by a thread of its own into a queue. */
    private record Session(Process process, OutputStream stdin, BlockingQueue<String> lines, Path trace,
                           Path stderr) {
        static Session start(PrewarmTest test, Map<String, String> extra) throws IOException {
            return start(test, extra, null);
        }

        /** With `requests`, stdin is that file. */
        static Session start(PrewarmTest test, Map<String, String> extra, Path requests) throws IOException {
            test.runs++;
            Path runtime = test.standIn();
            ProcessBuilder builder = new ProcessBuilder("node", "--preserve-symlinks", JsiiHostTest.HOST.toString(),
                    runtime.resolve("bin/jsii-runtime.js").toString());
            Map<String, String> environment = builder.environment();
            for (String name : List.of("JSII_DEBUG", "CLS_PREWARM", "GATE", "FAIL")) {
                environment.remove(name);
            }
            environment.put("CLS_CACHE_DIR", test.temp.resolve("cache").toString());
            environment.put("TMPDIR", Files.createDirectories(test.temp.resolve("tmp")).toString());
            Path trace = test.temp.resolve("trace-" + test.runs);
            environment.put("CLS_PREWARM_TRACE", trace.toString());
            environment.put("CLS_PREWARM", "on");
            extra.forEach((name, value) -> {
                if (value.isEmpty()) {
                    environment.remove(name);
                } else {
                    environment.put(name, value);
                }
            });
            Path stderr = test.temp.resolve("stderr-" + test.runs);
            builder.redirectError(stderr.toFile());
            if (requests != null) {
                builder.redirectInput(requests.toFile());
            }
            Process process = builder.start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    out.lines().forEach(lines::add);
                } catch (IOException | RuntimeException e) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            return new Session(process, process.getOutputStream(), lines, trace, stderr);
        }

        /** Loads the package, then sends the requests one at a time: the answers. */
        List<String> loadThen(Path link, List<String> requests) throws Exception {
            load(link);
            return requests(requests);
        }

        void load(Path link) throws Exception {
            write("{\"load\":\"" + link + "\"}\n");
            assertThat(answers(1)).containsExactly("{\"ok\":\"loaded\"}");
        }

        List<String> requests(List<String> requests) throws Exception {
            List<String> answers = new ArrayList<>();
            for (String request : requests) {
                write(request + "\n");
                answers.addAll(answers(1));
            }
            return answers;
        }

        void write(String text) throws IOException {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }

        /** The next `count` answers, skipping the files' loading lines. */
        List<String> answers(int count) throws Exception {
            List<String> answers = new ArrayList<>();
            while (answers.size() < count) {
                String line = next();
                if (!line.startsWith(LOADING)) {
                    answers.add(line);
                }
            }
            return answers;
        }

        /** Waits until each of the files has said it is loading (nothing else may come meanwhile). */
        void awaitLoaded(String... subs) throws Exception {
            for (String sub : subs) {
                assertThat(next()).isEqualTo(LOADING + "\"" + sub + "\"}");
            }
        }

        private String next() throws Exception {
            String line = lines.poll(60, TimeUnit.SECONDS);
            assertThat(line).as("a line from the host within a minute; stderr: " + Files.readString(stderr))
                    .isNotNull();
            JSON.readTree(line); // each line whole
            return line;
        }

        Ended end() throws Exception {
            stdin.close(); // a second close does nothing
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("host ended").isTrue();
            assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
            return new Ended(Files.exists(trace) ? Files.readAllLines(trace) : List.of());
        }
    }

    private record Ended(List<String> trace) {
    }
}

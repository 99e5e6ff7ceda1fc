package io.clusterless.cli.command;

import io.clusterless.engine.cache.UserCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.jsii.JsiiRuntime;
import software.constructs.Construct;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The V8 code cache of {@code src/main/node/jsii-host.js} (compile-cache.js, stable-paths.js): what a warm cache
 * serves behaves as freshly compiled code, nothing wrong, damaged or foreign is ever served, and its files are
 * private. Against jsii's real kernel loading the real constructs package, and stand-in programs where a test needs
 * a module of its own. Each run is a whole node process; which modules the cache served comes from the host's
 * trace ({@code CLS_NODE_CODE_CACHE_TRACE}). Waits are for process exits, bounded.
 */
class NodeCodeCacheTest {
    private static final String CONSTRUCTS_TARBALL = "constructs@10.8.1.jsii.tgz";

    @TempDir
    Path temp;

    @Test
    void aWarmCache_servesEveryModule_andTheKernelAnswersAsWithoutACache() throws Exception {
        String requests = kernelRequests();
        Run off = run(kernel(), requests, Map.of("CLS_NODE_CODE_CACHE", "off"));
        Run cold = run(kernel(), requests, Map.of());
        Run warm = run(kernel(), requests, Map.of());

        assertThat(off.stdout()).contains("{\"ok\":{\"result\":\"root/child\"}}");
        assertThat(cold.stdout()).isEqualTo(off.stdout());
        assertThat(warm.stdout()).isEqualTo(off.stdout());
        assertThat(warm.stderr()).isEqualTo(off.stderr());
        assertThat(off.trace()).isEmpty();
        assertThat(cold.trace()).last().isEqualTo("saved");
        assertThat(cold.trace().subList(0, cold.trace().size() - 1)).allMatch(line -> line.startsWith("compiled "));
        assertThat(warm.trace()).allMatch(line -> line.startsWith("served "))
                .containsExactlyElementsOf(cold.trace().subList(0, cold.trace().size() - 1).stream()
                        .map(line -> line.replace("compiled ", "served ")).toList())
                .anyMatch(line -> line.endsWith("/lib/program.js"))
                .anyMatch(line -> line.endsWith("/node_modules/constructs/lib/construct.js"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated", "a byte of the index", "a byte of an entry"})
    void aDamagedCacheFile_isIgnored_andReplaced(String damage) throws Exception {
        String requests = kernelRequests();
        Run cold = run(kernel(), requests, Map.of());
        Path file = cacheFile();
        byte[] bytes = Files.readAllBytes(file);
        switch (damage) {
            case "truncated" -> Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            case "a byte of the index" -> flip(file, bytes, 60);
            default -> flip(file, bytes, bytes.length - 100);
        }

        Run damaged = run(kernel(), requests, Map.of());
        Run after = run(kernel(), requests, Map.of());

        assertThat(damaged.stdout()).isEqualTo(cold.stdout());
        assertThat(damaged.trace()).anyMatch(line -> line.startsWith("compiled ")).last().isEqualTo("saved");
        if (!damage.equals("a byte of an entry")) {
            assertThat(damaged.trace()).noneMatch(line -> line.startsWith("served "));
        }
        assertThat(after.stdout()).isEqualTo(cold.stdout());
        assertThat(after.trace()).isNotEmpty().allMatch(line -> line.startsWith("served "));
    }

    @Test
    void anEntryDamagedAfterTheIndexWasRead_isCompiledAfresh_andTheFileRewritten() throws Exception {
        // the entry's bytes are read when its module is compiled, and checked then
        Path module = module("'damaged later'");
        Map<String, String> environment = Map.of("MODULE", module.toString());
        run(standIn("value"), "", environment);
        Entry entry = entry(module);

        Run damaged = run(standIn("value"), "", with(environment, "DAMAGE",
                "flip " + (entry.offset() + entry.length() / 2)));
        Run after = run(standIn("value"), "", environment);

        assertThat(damaged.stdout()).containsExactly("{\"value\":\"damaged later\"}");
        assertThat(damaged.trace()).contains("compiled " + module).last().isEqualTo("saved");
        assertThat(after.stdout()).containsExactly("{\"value\":\"damaged later\"}");
        assertThat(after.trace()).contains("served " + module);
    }

    @Test
    void aCacheFileTruncatedAfterTheIndexWasRead_compilesWhatItLost_andTheRewrittenFileKeepsTheRest() throws Exception {
        Path lost = module("'lost'");
        Path kept = module("'kept'");
        run(standIn("value"), "", Map.of("MODULE", lost.toString()));
        run(standIn("value"), "", Map.of("MODULE", kept.toString()));
        Entry entry = entry(lost);
        assertThat(entry.offset()).as("an older entry is written after this run's").isGreaterThan(entry(kept).offset());

        Run truncated = run(standIn("value"), "", Map.of("MODULE", lost.toString(), "DAMAGE",
                "truncate " + entry.offset()));
        Run lostAfter = run(standIn("value"), "", Map.of("MODULE", lost.toString()));
        Run keptAfter = run(standIn("value"), "", Map.of("MODULE", kept.toString()));

        assertThat(truncated.stdout()).containsExactly("{\"value\":\"lost\"}");
        assertThat(truncated.trace()).contains("compiled " + lost).last().isEqualTo("saved");
        assertServedOnlyFromTheCache(lostAfter, lost);
        assertThat(keptAfter.stdout()).containsExactly("{\"value\":\"kept\"}");
        assertServedOnlyFromTheCache(keptAfter, kept);
    }

    @Test
    void aRunThatServesOnlySomeEntries_keepsTheOthersInTheFileItRewrites() throws Exception {
        Path first = module("'first'");
        Path second = module("'second'");
        run(standIn("value"), "", Map.of("MODULE", first.toString()));
        Run secondRun = run(standIn("value"), "", Map.of("MODULE", second.toString()));
        Run firstAgain = run(standIn("value"), "", Map.of("MODULE", first.toString()));
        Run secondAgain = run(standIn("value"), "", Map.of("MODULE", second.toString()));

        assertThat(secondRun.trace()).contains("compiled " + second).last().isEqualTo("saved");
        assertThat(firstAgain.stdout()).containsExactly("{\"value\":\"first\"}");
        assertServedOnlyFromTheCache(firstAgain, first);
        assertServedOnlyFromTheCache(secondAgain, second);
    }

    @Test
    void anUnusedEntryDamagedInTheFile_keepsItsCheckWhenCopied_andIsNeverServed() throws Exception {
        // a run that does not use an entry copies its bytes as they are, with the CRC they were written with
        Path damaged = module("'damaged, unused'");
        Path other = module("'other'");
        run(standIn("value"), "", Map.of("MODULE", damaged.toString()));
        Entry entry = entry(damaged);
        byte[] bytes = Files.readAllBytes(cacheFile());
        flip(cacheFile(), bytes, (int) (entry.offset() + entry.length() / 2));

        Run copying = run(standIn("value"), "", Map.of("MODULE", other.toString()));
        Run using = run(standIn("value"), "", Map.of("MODULE", damaged.toString()));

        assertThat(copying.trace()).contains("compiled " + other).last().isEqualTo("saved");
        assertThat(entry(damaged).length()).isEqualTo(entry.length());
        assertThat(using.stdout()).containsExactly("{\"value\":\"damaged, unused\"}");
        assertThat(using.trace()).contains("compiled " + damaged).last().isEqualTo("saved");
    }

    @Test
    void aCacheFileRenamedOverDuringARun_leavesTheRunReadingTheFileWhoseIndexItHolds() throws Exception {
        // a concurrent run renames its new file into place at exit: bytes at the old offsets belong to another file
        Path module = module("'renamed over'");
        run(standIn("value"), "", Map.of("MODULE", module.toString()));

        Run renamed = run(standIn("value"), "", Map.of("MODULE", module.toString(), "DAMAGE", "replace"));

        assertThat(renamed.stdout()).containsExactly("{\"value\":\"renamed over\"}");
        assertThat(renamed.trace()).contains("served " + module).noneMatch(line -> line.equals("saved"));
    }

    @Test
    void aChangedModule_isCompiledAfresh_evenWithTheSameLengthAndModificationTime() throws Exception {
        Path module = temp.resolve("module.js");
        Files.writeString(module, "module.exports = () => 'one';\n");
        FileTime modified = Files.getLastModifiedTime(module);
        Map<String, String> environment = Map.of("MODULE", module.toString());
        assertThat(run(standIn("value"), "", environment).stdout()).containsExactly("{\"value\":\"one\"}");
        Run served = run(standIn("value"), "", environment);
        assertThat(served.stdout()).containsExactly("{\"value\":\"one\"}");
        assertThat(served.trace()).contains("served " + module);

        Files.writeString(module, "module.exports = () => 'two';\n"); // V8 itself would take the old code: same length
        Files.setLastModifiedTime(module, modified);
        Run changed = run(standIn("value"), "", environment);

        assertThat(changed.stdout()).containsExactly("{\"value\":\"two\"}");
        assertThat(changed.trace()).contains("compiled " + module).last().isEqualTo("saved");
    }

    @Test
    void aModuleAtAnotherPath_isNotServedTheCodeCachedForTheSameSource_andServedCodeNamesItsFile() throws Exception {
        // node 20's V8 keeps the file name code was cached under: served under another name, stack traces would
        // name the first file
        String source = """
                module.exports = () => new Error('here').stack.split('\\n')[1].trim();
                """;
        Path first = Files.createDirectories(temp.resolve("first")).resolve("module.js");
        Path second = Files.createDirectories(temp.resolve("second")).resolve("module.js");
        Files.writeString(first, source);
        Files.writeString(second, source);

        run(standIn("value"), "", Map.of("MODULE", first.toString()));
        Run served = run(standIn("value"), "", Map.of("MODULE", first.toString()));
        Run other = run(standIn("value"), "", Map.of("MODULE", second.toString()));

        assertThat(served.trace()).contains("served " + first);
        assertThat(served.stdout()).containsExactly("{\"value\":\"at module.exports (" + first + ":1:24)\"}");
        assertThat(other.trace()).contains("compiled " + second);
        assertThat(other.stdout()).containsExactly("{\"value\":\"at module.exports (" + second + ":1:24)\"}");
    }

    @Test
    void aModuleThatMayCallImport_isLeftToNode_andImportsWithAWarmCache() throws Exception {
        // node 20's V8 restores cached code with the import() handler of the process that cached it: import() fails
        Path module = temp.resolve("imports.js");
        Files.writeString(module, "module.exports = () => import('./imported.mjs').then((ns) => ns.value);\n");
        Files.writeString(temp.resolve("imported.mjs"), "export const value = 'imported';\n");

        run(standIn("imported"), "", Map.of("MODULE", module.toString()));
        Run again = run(standIn("imported"), "", Map.of("MODULE", module.toString()));

        assertThat(again.stdout()).containsExactly("{\"imported\":\"imported\"}");
        assertThat(again.stderr()).isEmpty();
        assertThat(again.trace()).contains("uncached " + module).anyMatch(line -> line.startsWith("served "));
    }

    @Test
    void theKernelRunsFromACopyInTheCacheFolder_onlyWhileTheCopyIsWhatJsiiExtracted() throws Exception {
        String requests = kernelRequests();
        Run cold = run(kernel(), requests, Map.of());
        Path copies = temp.resolve("cache/node-code-cache/runtimes");
        String copied = cold.trace().stream().filter(line -> line.endsWith("/lib/program.js")).findFirst().orElseThrow();
        assertThat(copied).startsWith("compiled " + copies);
        Path program;
        try (Stream<Path> files = Files.walk(copies)) {
            program = files.filter(path -> path.endsWith("lib/program.js")).findFirst().orElseThrow();
        }
        Files.writeString(program, "\n// changed", java.nio.file.StandardOpenOption.APPEND);

        Path extracted = kernel();
        Run changed = run(extracted, requests, Map.of());
        Run after = run(kernel(), requests, Map.of());

        assertThat(changed.stdout()).isEqualTo(cold.stdout());
        assertThat(changed.trace()).contains("compiled " + extracted.resolve("lib/program.js"));
        assertThat(after.stdout()).isEqualTo(cold.stdout());
        assertThat(after.trace()).contains(copied.replace("compiled ", "served "))
                .noneMatch(line -> line.contains(extracted.toString()));
        assertThat(program).content().doesNotContain("// changed");
    }

    @Test
    void theCacheFiles_arePrivate_andAFolderOthersCanWriteTo_isNotUsed() throws Exception {
        String requests = kernelRequests();
        Run cold = run(kernel(), requests, Map.of());
        Path folder = cacheFile().getParent();
        assertThat(permissions(folder)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(path -> !path.equals(folder)).toList()).isNotEmpty().allSatisfy(path ->
                    assertThat(permissions(path)).as(path.toString())
                            .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }

        byte[] cached = Files.readAllBytes(cacheFile());
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        Run shared = run(kernel(), requests, Map.of());

        assertThat(shared.stdout()).isEqualTo(cold.stdout());
        assertThat(shared.trace()).as("the cache is not in use").isEmpty();
        assertThat(Files.readAllBytes(cacheFile())).isEqualTo(cached);
    }

    @Test
    void theCacheFolder_isInTheUserCacheFolder_asUserCacheRootFindsIt() throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("XDG_CACHE_HOME", temp.resolve("xdg").toString()));
        run(standIn("value"), "", Map.of("MODULE", module("'x'").toString(), "XDG_CACHE_HOME",
                environment.get("XDG_CACHE_HOME"), "CLS_CACHE_DIR", ""));

        Path root = UserCache.root(environment, Path.of(System.getProperty("user.home")));
        try (Stream<Path> files = Files.list(root.resolve("node-code-cache"))) {
            assertThat(files.map(path -> path.getFileName().toString())).anyMatch(name -> name.endsWith(".bin"));
        }
    }

    @Test
    void theKernelsPackageFolder_repeatsFromRunToRun_butConcurrentRunsGetTheirOwn() throws Exception {
        Path stale = Files.createDirectories(temp.resolve("tmp"));
        Held first = Held.start(this, standIn("folder"));
        String firstFolder = first.folder();
        Held second = Held.start(this, standIn("folder"));
        String secondFolder = second.folder();
        assertThat(secondFolder).isNotEqualTo(firstFolder);
        first.end();
        second.end();
        Files.writeString(Path.of(firstFolder).resolve("left-by-a-killed-run"), "");

        Held again = Held.start(this, standIn("folder"));
        assertThat(again.folder()).isEqualTo(firstFolder).startsWith(stale.resolve("jsii-kernel-cls").toString());
        assertThat(Path.of(firstFolder)).isEmptyDirectory();
        again.end();
    }

    /** Every module {@code run} loaded came from the cache file, {@code module} among them. */
    private static void assertServedOnlyFromTheCache(Run run, Path module) {
        assertThat(run.trace()).isNotEmpty().allMatch(line -> line.startsWith("served "))
                .contains("served " + module);
    }

    // --- runs

    /** A node process through the host: the requests on stdin, its stdout and stderr lines and its cache trace. */
    private Run run(Path runtime, String input, Map<String, String> extra) throws Exception {
        Started started = start(runtime, extra);
        Process process = started.process();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        List<String> stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .toList();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("host ended").isTrue();
        assertThat(process.exitValue()).as(Files.readString(started.stderr())).isZero();
        List<String> trace = Files.exists(started.trace()) ? Files.readAllLines(started.trace()) : List.of();
        return new Run(stdout, Files.readAllLines(started.stderr()), trace);
    }

    private int runs;

    private Started start(Path runtime, Map<String, String> extra) throws IOException {
        runs++;
        ProcessBuilder builder = new ProcessBuilder("node", "--preserve-symlinks", JsiiHostTest.HOST.toString(),
                runtime.resolve("bin/jsii-runtime.js").toString());
        Map<String, String> environment = builder.environment();
        environment.remove("JSII_DEBUG");
        environment.remove("CLS_NODE_CODE_CACHE");
        environment.put("CLS_CACHE_DIR", temp.resolve("cache").toString());
        environment.put("TMPDIR", Files.createDirectories(temp.resolve("tmp")).toString());
        environment.put("JSII_RUNTIME_PACKAGE_CACHE_ROOT", temp.resolve("package-cache").toString());
        Path trace = temp.resolve("trace-" + runs);
        environment.put("CLS_NODE_CODE_CACHE_TRACE", trace.toString());
        if (extra.containsKey("DAMAGE")) {
            environment.put("CACHE_FILE", cacheFile().toString());
        }
        extra.forEach((name, value) -> {
            if (value.isEmpty()) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        });
        // to a file: nobody reads a pipe while a test waits for a response
        Path stderr = temp.resolve("stderr-" + runs);
        builder.redirectError(stderr.toFile());
        return new Started(builder.start(), trace, stderr);
    }

    private record Started(Process process, Path trace, Path stderr) {
    }

    private record Run(List<String> stdout, List<String> stderr, List<String> trace) {
    }

    /** A stand-in holding its kernel folder until its stdin ends. */
    private record Held(Process process, BufferedReader stdout) {
        static Held start(NodeCodeCacheTest test, Path runtime) throws IOException {
            Process process = test.start(runtime, Map.of()).process();
            return new Held(process, new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)));
        }

        String folder() throws IOException {
            String line = stdout.readLine();
            assertThat(line).startsWith("{\"folder\":");
            return line.substring("{\"folder\":\"".length(), line.length() - 2);
        }

        void end() throws Exception {
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    // --- programs

    /** jsii's kernel as its Java side extracts it (a fresh folder each run; the host removes it at exit). */
    private Path kernel() throws IOException {
        Path runtime = Files.createTempDirectory(temp, "jsii-java-runtime");
        for (String file : List.of("bin/jsii-runtime.js", "lib/program.js", "lib/runtime-index-worker.js")) {
            Path target = Files.createDirectories(runtime.resolve(file).getParent()).resolve(Path.of(file)
                    .getFileName());
            try (InputStream in = JsiiRuntime.class.getResourceAsStream(file)) {
                Files.copy(in, target);
            }
        }
        return runtime;
    }

    /** Loads constructs, builds root/child, asks for its path and the kernel's object count, exits. */
    private String kernelRequests() throws IOException {
        Path tarball = temp.resolve(CONSTRUCTS_TARBALL);
        if (!Files.exists(tarball)) {
            try (InputStream in = Construct.class.getResourceAsStream(CONSTRUCTS_TARBALL)) {
                assertThat(in).as(CONSTRUCTS_TARBALL + " in the constructs jar").isNotNull();
                Files.copy(in, tarball);
            }
        }
        return String.join("\n",
                "{\"api\":\"load\",\"name\":\"constructs\",\"version\":\"10.8.1\",\"tarball\":\"" + tarball + "\"}",
                "{\"api\":\"create\",\"fqn\":\"constructs.RootConstruct\",\"args\":[\"root\"]}",
                "{\"api\":\"create\",\"fqn\":\"constructs.Construct\",\"args\":[{\"$jsii.byref\":"
                        + "\"constructs.RootConstruct@10000\"},\"child\"]}",
                "{\"api\":\"invoke\",\"objref\":{\"$jsii.byref\":\"constructs.Construct@10001\"},"
                        + "\"method\":\"toString\",\"args\":[]}",
                "{\"api\":\"stats\"}",
                "{\"exit\":0}", "");
    }

    /**
     * A runtime folder whose program answers on the protocol's fd: "value" calls the function $MODULE exports;
     * "imported" awaits the promise it returns; "folder" makes the kernel's package folder as jsii's kernel
     * does and holds it until stdin ends.
     */
    private Path standIn(String kind) throws IOException {
        return JsiiHostTest.standInRuntime(Files.createTempDirectory(temp, "jsii-java-runtime"), """
                const fs = require('fs');
                const os = require('os');
                const path = require('path');
                const answer = (value) => fs.writeSync(3, JSON.stringify(value) + '\\n');
                const kind = '%s';
                // DAMAGE: what happens to the cache file after the host read its index, before MODULE is compiled
                const [damage, at] = (process.env.DAMAGE || '').split(' ');
                if (damage === 'flip') {
                  const fd = fs.openSync(process.env.CACHE_FILE, 'r+');
                  const byte = Buffer.alloc(1);
                  fs.readSync(fd, byte, 0, 1, Number(at));
                  byte[0] ^= 0x5a;
                  fs.writeSync(fd, byte, 0, 1, Number(at));
                  fs.closeSync(fd);
                } else if (damage === 'truncate') {
                  fs.truncateSync(process.env.CACHE_FILE, Number(at));
                } else if (damage === 'replace') {
                  const other = process.env.CACHE_FILE + '.other';
                  const size = fs.statSync(process.env.CACHE_FILE).size;
                  fs.writeFileSync(other, Buffer.alloc(size, 0x5a), { mode: 0o600 });
                  fs.renameSync(other, process.env.CACHE_FILE);
                }
                if (kind === 'value') {
                  answer({ value: require(process.env.MODULE)() });
                } else if (kind === 'imported') {
                  require(process.env.MODULE)().then((imported) => answer({ imported }));
                } else {
                  answer({ folder: fs.mkdtempSync(path.join(os.tmpdir(), 'jsii-kernel-')) });
                  const buffer = Buffer.alloc(16);
                  while (fs.readSync(3, buffer, 0, buffer.length, null) > 0) {
                    // until stdin ends
                  }
                }
                """.formatted(kind));
    }

    private Path module(String value) throws IOException {
        Path module = temp.resolve("module-" + Math.abs(value.hashCode()) + ".js");
        Files.writeString(module, "module.exports = () => " + value + ";\n");
        return module;
    }

    // --- the cache's files

    private Path cacheFile() throws IOException {
        try (Stream<Path> files = Files.list(temp.resolve("cache/node-code-cache"))) {
            List<Path> bins = files.filter(path -> path.getFileName().toString().endsWith(".bin")).toList();
            assertThat(bins).hasSize(1);
            return bins.get(0);
        }
    }

    private static Map<String, String> with(Map<String, String> environment, String name, String value) {
        Map<String, String> with = new HashMap<>(environment);
        with.put(name, value);
        return with;
    }

    /** Where a module's entry lies in the cache file, by the cache's key: SHA-256 of file name, NUL, source. */
    private Entry entry(Path module) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(module.toString().getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        byte[] key = sha256.digest(Files.readAllBytes(module));
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(cacheFile()))
                .order(ByteOrder.LITTLE_ENDIAN);
        int count = file.getInt(8 + 32);
        for (int at = 48; at < 48 + count * 44; at += 44) {
            if (Arrays.equals(file.array(), at, at + 32, key, 0, 32)) {
                return new Entry(Integer.toUnsignedLong(file.getInt(at + 32)),
                        Integer.toUnsignedLong(file.getInt(at + 36)));
            }
        }
        throw new AssertionError("no entry for " + module);
    }

    private record Entry(long offset, long length) {
    }

    private static void flip(Path file, byte[] bytes, int at) throws IOException {
        byte[] damaged = bytes.clone();
        damaged[at] ^= 0x5a;
        Files.write(file, damaged);
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}

package io.clusterless.cli.repeat;

import io.clusterless.cli.Main;
import io.clusterless.cli.context.CliContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repeat path of {@code cls synth} serves an invocation only while every input is as recorded: one recorded
 * synth of a Jsonnet project that imports its body from a --jpath folder, then each input changed in turn (and put
 * back, to show that this change alone made the difference). Runs as {@code Main.main} does, in-process: the repeat
 * path first, else the normal path with a recorder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepeatPathTest {
    private static final String SECRET = "s3cr3t-value-of-a-token";

    @TempDir
    static Path temp;
    Path project;
    Path lib;
    Path out;
    Path cache;
    Path code;
    Path otherCode;
    Invocation recorded;
    Run first;

    /** What one cls run printed, and which path ran. */
    record Run(boolean repeat, int exit, String out, String err) {
    }

    @BeforeAll
    void recordOneSynth() throws Exception {
        long beforeFixture = System.currentTimeMillis();
        Path work = Files.createDirectories(temp.resolve("work"));
        lib = Files.createDirectories(temp.resolve("lib"));
        Files.copy(Path.of("..", "examples", "copy-chain", "project.json"), lib.resolve("body.libsonnet"));
        project = Files.writeString(work.resolve("project.jsonnet"), "import 'body.libsonnet'\n");
        out = work.resolve("cdk.out");
        cache = temp.resolve("cache");
        code = Files.writeString(temp.resolve("cls.jar"), "the code");
        otherCode = Files.writeString(temp.resolve("other-cls.jar"), "the code");
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("CLS_CACHE_DIR", cache.toString());
        environment.put("SOME_TOKEN", SECRET);
        environment.put("SHLVL", "1");
        // started before the files were written: whatever the scheduler does, they changed less than a second before
        Run tooSoon = cls(invocation(environment, work, beforeFixture));
        assertThat(tooSoon.repeat()).isFalse();
        assertThat(tooSoon.exit()).isZero();
        assertThat(records()).as("files changed within a second of the start are not trusted").isEmpty();

        Thread.sleep(Observed.RACY_MILLIS + 100); // so that the fixture is older than a second when the run starts
        recorded = invocation(environment, work, System.currentTimeMillis());
        first = cls(recorded);
        assertThat(first.repeat()).isFalse();
        assertThat(first.err()).contains("timings: jvm-start=").contains(" load=").contains(" cached=");
        assertThat(records()).hasSize(1);
    }

    private Invocation invocation(Map<String, String> environment, Path workingDirectory, long started) {
        return new Invocation(List.of("-v", "synth", "-p", project.toString(), "--jpath", lib.toString(), "-o",
                out.toString()), workingDirectory, environment, Map.of("user.home", temp.resolve("home").toString(),
                "java.version", "17"), false, List.of(code), started);
    }

    @Test
    void anUnchangedInvocation_isServedWithTheRecordedOutput_andTheSameAssembly() throws Exception {
        byte[] template = Files.readAllBytes(onlyTemplate());
        Files.delete(onlyTemplate());

        Run repeat = cls(recorded);

        assertThat(repeat.repeat()).isTrue();
        assertThat(repeat.out()).isEqualTo(first.out());
        assertThat(repeat.err()).isEqualTo(withoutTimings(first.err()) + timingsLine(repeat.err()));
        assertThat(repeat.err()).contains(" repeat=").contains(" cached=").doesNotContain(" load=");
        assertThat(Files.readAllBytes(onlyTemplate())).isEqualTo(template);
    }

    @Test
    void eachChangedInput_runsTheNormalPath() throws Exception {
        assertServedOnlyUnchanged("the project file's bytes", () -> append(project, " "), () -> truncate(project, 1));
        Path body = lib.resolve("body.libsonnet");
        assertServedOnlyUnchanged("an imported file's bytes", () -> append(body, "\n"), () -> truncate(body, 1));
        Path nearer = project.resolveSibling("body.libsonnet");
        assertServedOnlyUnchanged("a file an import would now find first",
                () -> Files.copy(body, nearer), () -> Files.delete(nearer));
        Path config = recorded.workingDirectory().resolve(".clsconfig");
        assertServedOnlyUnchanged("a local configuration file", () -> Files.writeString(config, "[cdk]\n"),
                () -> Files.delete(config));
        assertNotServed("another argument", with(i -> new Invocation(plus(i.args(), "--exclude-all-tags"),
                i.workingDirectory(), i.environment(), i.properties(), false, i.code(), i.started())));
        assertNotServed("--no-cache", with(i -> new Invocation(plus(i.args(), "--no-cache"), i.workingDirectory(),
                i.environment(), i.properties(), false, i.code(), i.started())));
        assertNotServed("another working directory", with(i -> new Invocation(i.args(), temp, i.environment(),
                i.properties(), false, i.code(), i.started())));
        assertNotServed("another environment variable", with(i -> new Invocation(i.args(), i.workingDirectory(),
                plus(i.environment(), "AWS_PROFILE", "other"), i.properties(), false, i.code(), i.started())));
        assertNotServed("another Java property", with(i -> new Invocation(i.args(), i.workingDirectory(),
                i.environment(), Map.of("user.home", "/elsewhere", "java.version", "17"), false, i.code(),
                i.started())));
        assertThat(served(with(i -> new Invocation(i.args(), i.workingDirectory(),
                plus(plus(i.environment(), "SHLVL", "3"), "OLDPWD", "/"), i.properties(), false, i.code(),
                i.started())))).as("the shell's own variables do not count").isTrue();
        assertThat(served(recorded)).isTrue();
    }

    @Test
    void aRebuiltJar_runsTheNormalPath() throws Exception {
        // a record of its own (another output folder: the same assembly), as the jar cannot be put back as it was;
        // started a second after whatever other tests changed
        Thread.sleep(Observed.RACY_MILLIS + 100);
        Invocation own = with(i -> new Invocation(List.of("-v", "synth", "-p", project.toString(), "--jpath",
                lib.toString(), "-o", out.resolveSibling("other.out").toString()), i.workingDirectory(),
                i.environment(), i.properties(), false, List.of(otherCode), System.currentTimeMillis()));
        assertThat(cls(own).repeat()).isFalse();
        assertThat(served(own)).isTrue();

        Files.writeString(otherCode, Files.readString(otherCode)); // the same bytes, written again: a rebuild

        assertThat(served(own)).isFalse();
        assertThat(served(recorded)).as("the other record's jar is untouched").isTrue();
    }

    @Test
    void aMissingOrPartialCacheEntry_orAFolderSynthWouldRefuse_runsTheNormalPath() throws Exception {
        Path entry = Files.list(cache.resolve("assemblies")).filter(Files::isDirectory)
                .filter(p -> p.getFileName().toString().length() == 64).findFirst().orElseThrow();
        Path aside = temp.resolve("entry-aside");
        assertServedOnlyUnchanged("a removed cache entry", () -> Files.move(entry, aside),
                () -> Files.move(aside, entry));
        Path manifest = entry.resolve("manifest.json");
        Path kept = temp.resolve("manifest-aside");
        assertServedOnlyUnchanged("a partial cache entry", () -> Files.move(manifest, kept),
                () -> Files.move(kept, manifest));
        Path stray = out.resolve("manifest.json");
        assertServedOnlyUnchanged("an output folder holding something else than an assembly",
                () -> {
                    cls(recorded); // an assembly there
                    Files.delete(stray);
                    Files.writeString(out.resolve("notes.txt"), "mine");
                }, () -> io.clusterless.substrate.aws.synth.AssemblyFiles.clear(out));
    }

    @Test
    void aChangedInput_thenRunsTheNormalPathAgain_whichPrintsItsOwnPhases() throws Exception {
        Invocation other = with(i -> new Invocation(plus(i.args(), "--no-cache"), i.workingDirectory(),
                i.environment(), i.properties(), false, i.code(), i.started()));
        Run normal = cls(other);
        assertThat(normal.repeat()).isFalse();
        assertThat(normal.err()).contains(" load=").contains(" constructs=");
        assertThat(cls(other).repeat()).as("--no-cache writes no record").isFalse();
    }

    @Test
    void theRecord_isTheUsersAlone_andHoldsNoEnvironmentValue() throws Exception {
        Path record = records().get(0);
        assertThat(Files.getPosixFilePermissions(record)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String text = Files.readString(record);
        assertThat(text).doesNotContain(SECRET)
                .doesNotContain(Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.size(record)).as("small: a digest of the invocation, facts and output").isLessThan(16_000);
    }

    // --- helpers

    /** Serves before {@code change}, not after it, and again once it is {@code undone}. */
    private void assertServedOnlyUnchanged(String what, ThrowingRunnable change, ThrowingRunnable undo)
            throws Exception {
        assertThat(served(recorded)).as("before: " + what).isTrue();
        change.run();
        assertThat(served(recorded)).as("after a change of " + what).isFalse();
        undo.run();
        assertThat(served(recorded)).as("once " + what + " is back as it was").isTrue();
    }

    private void assertNotServed(String what, Invocation invocation) {
        assertThat(served(invocation)).as(what).isFalse();
    }

    private boolean served(Invocation invocation) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        boolean served = FastRepeat.serve(invocation, stream, stream);
        assertThat(served || bytes.size() == 0).as("nothing printed when falling through").isTrue();
        return served;
    }

    /** One cls run as Main.main does it: the repeat path, else the normal path with a recorder. */
    private Run cls(Invocation invocation) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        if (FastRepeat.serve(invocation, outStream, errStream)) {
            return new Run(true, 0, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        }
        RepeatRecorder repeat = Main.recorder(invocation);
        PrintWriter out = new PrintWriter(repeat.tee(outStream, true), true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(repeat.tee(errStream, false), true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(out, err, InputStream.nullInputStream()).repeat(repeat)
                .environment(invocation.environment())
                .directories(invocation.workingDirectory(), Path.of(invocation.properties().get("user.home")));
        int exit = Main.run(context, invocation.args().toArray(String[]::new));
        out.flush();
        err.flush();
        repeat.write(exit);
        return new Run(false, exit, outBytes.toString(StandardCharsets.UTF_8),
                errBytes.toString(StandardCharsets.UTF_8));
    }

    private Invocation with(UnaryOperator<Invocation> change) {
        return change.apply(recorded);
    }

    private List<Path> records() throws Exception {
        Path dir = cache.resolve("repeats");
        return Files.isDirectory(dir) ? Files.list(dir).toList() : List.of();
    }

    private Path onlyTemplate() throws Exception {
        try (var files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".template.json")).sorted().findFirst()
                    .orElseThrow();
        }
    }

    private static String withoutTimings(String err) {
        return err.replaceAll("(?m)^timings:.*\\R", "");
    }

    private static String timingsLine(String err) {
        return err.substring(err.indexOf("timings:"));
    }

    private static List<String> plus(List<String> list, String item) {
        List<String> more = new ArrayList<>(list);
        more.add(item);
        return more;
    }

    private static Map<String, String> plus(Map<String, String> map, String name, String value) {
        Map<String, String> more = new HashMap<>(map);
        more.put(name, value);
        return more;
    }

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, Files.readString(file) + text);
    }

    private static void truncate(Path file, int chars) throws Exception {
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() - chars));
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}

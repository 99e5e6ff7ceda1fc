package io.clusterless.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.substrate.aws.cdk.CdkLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.clusterless.cli.deploy.MotoEndToEnd.JSON;
import static io.clusterless.cli.deploy.MotoEndToEnd.REGION;
import static io.clusterless.cli.deploy.MotoEndToEnd.cacheRoot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code bin/cls deploy} stopped at its worst moments, black-box, against a moto_server of its own: Ctrl-C
 * while jsii's node process runs and while cdk runs (one line, exit 130, no process left behind), and {@code kill -9}
 * after cdk created the stacks (ADR-0009: the next {@code cls projects} finds the deploy record and completes it).
 * Every wait is for an event (a process or file appearing, a process ending), bounded; none decides by time.
 * Skips with a notice where moto_server is absent, unless {@code CLS_REQUIRE_MOTO=true} (CI).
 */
class DeployInterruptIT {
    private static final Path PROJECT = Path.of("src/test/resources/deploy/two-arcs.json").toAbsolutePath();
    private static final String METADATA = "e2e-clusterless-metadata-123456789012-us-west-2";
    private static final List<String> PROJECT_STACKS = List.of(
            "E2E-deploy-check-resource-activity-boundary-20240101-00-us-west-2",
            "E2E-deploy-check-arc-copy-a-20240101-00-us-west-2",
            "E2E-deploy-check-arc-copy-b-20240101-00-us-west-2");

    private static MotoEndToEnd moto;
    private static Path work;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoEndToEnd.start("the deploy interruption test", "deploy-interrupt-");
        work = moto.work();
        Run bootstrap = run(cls("bootstrap", "--account", "123456789012", "--region", REGION, "--stage", "e2e",
                "--approve"));
        assertThat(bootstrap.exit()).as(bootstrap.toString()).isZero();
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void ctrlCWhileJsiiRuns_printsOneLine_exits130_andLeavesNoNodeProcess() throws Exception {
        // a terminal's Ctrl-C signals the whole process group (node too), kill -INT only cls; -v adds the stack
        for (boolean terminal : List.of(true, false)) {
            boolean verbose = !terminal;
            // --no-cache: jsii then starts before the project is read (with the assembly cache it starts only for
            // a project that must be synthesized, after reading it)
            List<String> command = cls("deploy", "-p", "-", "--approve", "--dry-run", "--no-cache");
            if (verbose) {
                command.add(1, "-v");
            }
            if (terminal) {
                command.add(0, "setsid"); // a process group of its own (same pid: setsid execs) to signal whole
            }
            // the project comes on a stdin that stays open: cls waits for it while jsii's node process warms up, so
            // the signal surely comes while node runs, which is when the JVM's default exit let node print its trace
            ProcessBuilder builder = builder(command, "sigint");
            builder.redirectInput(ProcessBuilder.Redirect.PIPE);
            Process cls = builder.start();
            ProcessHandle node = awaitDescendant(cls, "jsii-runtime");

            signal(cls, "INT", terminal);
            Run run = finished(cls, command, "sigint");

            assertThat(run.exit()).as(run.toString()).isEqualTo(130);
            if (verbose) {
                assertThat(run.err()).as(run.toString()).startsWith("cls: interrupted\n").contains("\tat ");
            } else {
                assertThat(run.err()).as(run.toString()).isEqualTo("cls: interrupted\n");
            }
            assertGone(node);
            cls.getOutputStream().close();
        }
    }

    @Test
    void ctrlCWhileSynthBuildsStacks_printsOneLine_exits130_andLeavesNoNodeProcess() throws Exception {
        // forty chained arcs: building their stacks keeps jsii busy for many seconds after the assembly directory
        // appears (the moment cls starts synthesizing), so the signal lands while node is mid-conversation, the
        // moment the JVM's default exit let node print a 26-line socket error
        Path project = work.resolve("synth-check.json");
        Files.writeString(project, manyArcs(40));
        Path tmp = Files.createDirectories(work.resolve("synth-tmp"));
        List<String> command = new ArrayList<>(List.of("setsid"));
        command.addAll(cls("deploy", "-p", project.toString(), "--approve", "--dry-run",
                "-D", "aws.lambda.snapStart=false"));
        ProcessBuilder builder = builder(command, "sigint-synth");
        builder.environment().put("CLS_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        Process cls = builder.start();
        ProcessHandle node = awaitDescendant(cls, "jsii-runtime");
        Path assembly = awaitAssembly(tmp, cls);
        assertThat(assembly.resolve("manifest.json")).as("synth still runs when signalled").doesNotExist();

        signal(cls, "INT", true);
        Run run = finished(cls, command, "sigint-synth");

        assertThat(run.exit()).as(run.toString()).isEqualTo(130);
        assertThat(run.err()).as(run.toString()).isEqualTo("cls: interrupted\n");
        assertGone(node);
    }

    @Test
    void ctrlCWhileCdkRuns_killsCdk_andTheDeployRecordTellsTheNextCommandWhatToRun() throws Exception {
        Path project = work.resolve("interrupt-check.json");
        Files.writeString(project, Files.readString(PROJECT).replace("DeployCheck", "InterruptCheck"));
        Path started = work.resolve("cdk-started");
        Path cdk = script("blocking-cdk", "echo $$ > " + started + ".tmp && mv " + started + ".tmp " + started
                + "\nexec sleep 600\n");
        List<String> command = cls("deploy", "-p", project.toString(), "--approve", "--cdk", cdk.toString(),
                "-D", "aws.lambda.snapStart=false");
        Process cls = builder(command, "sigint-cdk").start();
        awaitFile(started, cls);
        ProcessHandle cdkProcess = ProcessHandle.of(Long.parseLong(Files.readString(started).strip())).orElseThrow();

        signal(cls, "INT", false);
        Run run = finished(cls, command, "sigint-cdk");

        assertThat(run.exit()).as(run.toString()).isEqualTo(130);
        assertThat(run.err().lines().toList()).as(run.toString()).last().isEqualTo("cls: interrupted");
        assertThat(run.err()).as(run.toString()).doesNotContain("\tat ").doesNotContain("Exception");
        assertGone(cdkProcess);
        JsonNode record = JSON.readTree(object(METADATA,
                "deploys/name=InterruptCheck/version=20240101-00/deploy.json"));
        assertThat(record.path("state").asText()).isEqualTo("deploying");
        assertThat(record.path("stacks").findValuesAsText("name")).hasSize(3);

        Run projects = run(cls("projects", "--output", "json"));
        assertThat(projects.exit()).as(projects.toString()).isZero();
        assertThat(projects.err()).contains("deploy of InterruptCheck 20240101-00 started")
                .contains("did not finish: E2E-interrupt-check-resource-activity-boundary-20240101-00-us-west-2 "
                        + "(not created)")
                .contains("unless that command is still running, run: cls deploy -p " + project);
        assertThat(projects.out()).doesNotContain("InterruptCheck");
    }

    @Test
    void killDashNineAfterCdkDeployedTheStacks_projectsFindsTheDeployAndCompletesItsRecords() throws Exception {
        Path real = new CdkLocator(cacheRoot(), System.getenv("PATH"), line -> { }).locate(Optional.empty())
                .executable();
        // the real CDK CLI deploys; then cls (cdk's parent) is killed before it can write a record
        Path cdk = script("killing-cdk", "if [ \"${1:-}\" != deploy ]; then exec " + real + " \"$@\"; fi\n"
                + real + " \"$@\"\nkill -9 $PPID\nexit 0\n");
        List<String> command = cls("deploy", "-p", PROJECT.toString(), "--approve", "--cdk", cdk.toString(),
                "-D", "aws.lambda.snapStart=false");
        Run killed = run(command);
        assertThat(killed.exit()).as(killed.toString()).isEqualTo(137);
        assertThat(stacks()).containsAll(PROJECT_STACKS);
        assertThat(keys(METADATA)).doesNotContain("projects/name=DeployCheck/version=20240101-00/project.json")
                .contains("deploys/name=DeployCheck/version=20240101-00/deploy.json");

        Run projects = run(cls("projects", "--output", "json", "--stage", "e2e"));

        assertThat(projects.exit()).as(projects.toString()).isZero();
        assertThat(JSON.readTree(projects.out()).findValuesAsText("name")).contains("DeployCheck");
        assertThat(projects.err()).contains("deploy of DeployCheck 20240101-00 started").contains(
                "was interrupted after its stacks were deployed: wrote its metadata records");
        assertThat(keys(METADATA)).contains("projects/name=DeployCheck/version=20240101-00/project.json",
                "arcs/project=DeployCheck/version=20240101-00/arc=copyA/arc.json",
                "arcs/project=DeployCheck/version=20240101-00/arc=copyB/arc.json",
                "datasets/name=check-b/version=20240101/dataset.json",
                "materials/name=DeployCheck/version=20240101-00/materials.json");
        assertThat(JSON.readTree(object(METADATA, "deploys/name=DeployCheck/version=20240101-00/deploy.json"))
                .path("state").asText()).isEqualTo("deployed");
        Run arcs = run(cls("arcs", "--output", "csv", "--project", "DeployCheck"));
        assertThat(arcs.out()).contains(",copyA").contains(",copyB");
        assertThat(arcs.err()).doesNotContain("DeployCheck");
    }

    @Test
    void aProcessStartedUnderAParentThatIgnoresSigint_stillGetsIt() throws Exception {
        // the parent ignores SIGINT, as a background job of a non-interactive shell does; SigIgn's bit 2 is SIGINT
        String ignoring = "trap '' INT; exec ";
        String inherited = sigIgn(List.of("sh", "-c", ignoring + "grep SigIgn /proc/self/status"));
        String reset = sigIgn(List.of("sh", "-c", ignoring + String.join(" ",
                withDefaultSignals(List.of("grep", "SigIgn", "/proc/self/status")))));

        assertThat(Long.parseLong(inherited, 16) & 2).as("SigIgn " + inherited).isEqualTo(2);
        assertThat(Long.parseLong(reset, 16) & 2).as("SigIgn " + reset).isZero();
    }

    private static String sigIgn(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as(String.join(" ", command)).startsWith("SigIgn:");
        return out.substring("SigIgn:".length()).strip();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static List<String> cls(String... args) {
        return moto.cls(List.of(args));
    }

    /**
     * A shell without job control starts a background job ({@code ./mvnw verify &}) with SIGINT ignored, every
     * process below it inherits that, and cls rightly keeps an ignored signal ignored (Interruption.install): then no
     * Ctrl-C case could pass. Each process here starts with the default actions, as under a terminal.
     */
    static List<String> withDefaultSignals(List<String> command) {
        List<String> reset = new ArrayList<>(List.of("env", "--default-signal=INT,TERM"));
        reset.addAll(command);
        return reset;
    }

    private static ProcessBuilder builder(List<String> command, String name) {
        return MotoEndToEnd.builder(withDefaultSignals(command), work.resolve(name + ".out"),
                work.resolve(name + ".err"));
    }

    private static Run run(List<String> command) throws Exception {
        String name = "run-" + System.nanoTime();
        Process process = builder(command, name).start();
        return finished(process, command, name);
    }

    private static Run finished(Process process, List<String> command, String name) throws Exception {
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("%s finishes", command).isTrue();
        return new Run(command, process.exitValue(),
                Files.readString(work.resolve(name + ".out"), StandardCharsets.UTF_8),
                Files.readString(work.resolve(name + ".err"), StandardCharsets.UTF_8));
    }

    /** A project whose arcs copy a chain of datasets, one stack each. */
    private static String manyArcs(int count) {
        StringBuilder arcs = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            arcs.append(i > 1 ? ",\n" : "").append("""
                    {"type": "aws:core:s3CopyArc", "name": "copy%d",
                     "sources": {"main": {"name": "synth-%d", "version": "20240101"}},
                     "sinks": {"main": {"name": "synth-%d", "version": "20240101",
                               "pathURI": "s3://e2e-cls-synth-check-123456789012-us-west-2/copy-%d/"}}}""".formatted(
                    i, i - 1, i, i));
        }
        return """
                {"project": {"name": "SynthCheck", "version": "20240101-00"},
                 "placement": {"provider": "aws", "stage": "e2e", "account": "123456789012", "region": "us-west-2"},
                 "resources": [{"type": "aws:core:s3Bucket", "name": "bucket",
                                "bucketName": "e2e-cls-synth-check-123456789012-us-west-2"}],
                 "boundaries": [{"type": "aws:core:s3PutListenerBoundary", "name": "ingress", "lotUnit": "Twelfths",
                                 "dataset": {"name": "synth-0", "version": "20240101",
                                             "pathURI": "s3://e2e-cls-synth-check-123456789012-us-west-2/in/"}}],
                 "arcs": [%s]}
                """.formatted(arcs);
    }

    /** Waits (bounded) for the temporary cloud assembly that cls creates just before it synthesizes. */
    private static Path awaitAssembly(Path tmp, Process parent) throws Exception {
        for (int i = 0; i < 1200; i++) {
            try (var entries = Files.list(tmp)) {
                Optional<Path> found = entries.filter(p -> p.getFileName().toString().startsWith("cls-assembly-"))
                        .findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            assertThat(parent.isAlive()).as("cls still runs while waiting for its assembly").isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("cls created no assembly under " + tmp + " in 120 s");
    }

    /** A fake cdk: answers --version as the pinned CLI, runs {@code body} for everything else. */
    private static Path script(String name, String body) throws IOException {
        Path script = work.resolve(name);
        Files.writeString(script, "#!/bin/bash\nif [ \"${1:-}\" = --version ]; then echo '2.1148.1 (build test)'; "
                + "exit 0; fi\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** @param group the process's whole group, as a terminal signals it */
    private static void signal(Process process, String signal, boolean group) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, "--", (group ? "-" : "") + process.pid())
                .inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + signal).isTrue();
    }

    /** Waits (bounded) until a process whose command line contains {@code mark} runs under {@code parent}. */
    private static ProcessHandle awaitDescendant(Process parent, String mark) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            Optional<ProcessHandle> found = parent.descendants().filter(p -> p.info().commandLine()
                    .map(line -> line.contains(mark)).orElse(false)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertThat(parent.isAlive()).as("cls still runs while waiting for " + mark).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no process with " + mark + " started under cls in 120 s");
    }

    private static void awaitFile(Path file, Process parent) throws InterruptedException {
        for (int i = 0; i < 6000 && !Files.exists(file); i++) {
            assertThat(parent.isAlive()).as("cls still runs while waiting for " + file).isTrue();
            Thread.sleep(100);
        }
        assertThat(file).exists();
    }

    /** The process ended (bounded wait: a killed orphan is reaped by init shortly after cls exits). */
    private static void assertGone(ProcessHandle process) throws Exception {
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException stillRunning) {
            process.destroyForcibly();
            throw new AssertionError("process " + process.pid() + " (" + process.info().commandLine().orElse("?")
                    + ") still runs after cls ended");
        }
    }

    private static JsonNode aws(String... args) throws Exception {
        return moto.aws(args);
    }

    private static List<String> stacks() throws Exception {
        return List.copyOf(moto.stacks());
    }

    private static List<String> keys(String bucket) throws Exception {
        return moto.keys(bucket);
    }

    private static String object(String bucket, String key) throws Exception {
        return moto.object(bucket, key);
    }
}

package io.clusterless.local.run;

import io.clusterless.local.process.ProcStat;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of a local run while batch workloads run (issue 12, point 2): the workloads die with it, and the
 * restarted run never starts a lot while a process of that lot's earlier run lives. The run is a child JVM; the
 * workload (resources/killed-run/app/work.sh) writes a line per start and flags any start that finds an earlier
 * process of its lot alive. Waits are bounded polls with generous limits; nothing depends on timing.
 */
class KilledRunTest {
    private static final String BUCKET = "dev-cls-killed-run-123456789012-us-west-2";
    private static final int LOTS = 3;

    @TempDir
    Path dir;

    private Path root;
    private Path project;
    private Path events;
    private final List<Long> seen = new ArrayList<>();

    @BeforeEach
    void placeProject() throws IOException {
        root = dir.resolve("root");
        Path source = Path.of("src/test/resources/killed-run");
        Files.createDirectories(dir.resolve("project/app"));
        for (String file : List.of("project.json", "app/Dockerfile", "app/work.sh")) {
            Files.copy(source.resolve(file), dir.resolve("project").resolve(file));
        }
        dir.resolve("project/app/work.sh").toFile().setExecutable(true);
        project = dir.resolve("project/project.json");
        events = dir.resolve("events");
        Files.createFile(events);
        LotId current = LotId.of(LotUnit.TWELFTHS, Instant.now());
        for (int back = 1; back <= LOTS; back++) {
            LotId lot = current.plus(-back);
            LocalPut.put(("row " + back).getBytes(), BUCKET, "landing/file-" + back, new FileObjectStore(root),
                    lot.start().plus(Duration.ofMinutes(1)));
        }
    }

    @AfterEach
    void killLeftovers() {
        seen.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void workloadsDieWithAKilledRunAndTheRestartRunsEachLotOnceMore() throws Exception {
        Process run = startRun("first");
        awaitSleepingLots();
        run.destroyForcibly(); // SIGKILL
        run.waitFor();

        List<Long> processes = workloadProcesses();
        assertThat(awaitGone(processes)).as("workload processes alive 30 s after kill -9 of their run").isEmpty();

        Files.createFile(dir.resolve("release"));
        awaitIdle(startRun("second"));

        assertThat(lines("overlap")).isEmpty();
        assertThat(startsPerLot().values()).allMatch(starts -> starts <= 2);
    }

    @Test
    void aRestartedRunEndsAnEarlierProcessOfALotBeforeRunningTheLot() throws Exception {
        Process run = startRun("first");
        awaitSleepingLots();
        // the watchdog cannot act: each workload's group is stopped (its own group; never the test's or the run's)
        long ours = ProcStat.of(ProcessHandle.current().pid()).orElseThrow().pgid();
        for (long pid : workloadProcesses()) {
            ProcStat stat = ProcStat.of(pid).orElseThrow();
            boolean ownGroup = stat.pgid() != ours && stat.pgid() != run.pid();
            signal("STOP", ownGroup ? "-" + stat.pgid() : Long.toString(pid));
        }
        run.destroyForcibly();
        run.waitFor();

        Files.createFile(dir.resolve("release"));
        awaitIdle(startRun("second"));

        assertThat(lines("overlap")).as("starts of a lot while an earlier process of it lived").isEmpty();
        assertThat(startsPerLot().values()).allMatch(starts -> starts <= 2);
        assertThat(workloadProcesses().stream().filter(KilledRunTest::alive)).isEmpty();
    }

    private Process startRun(String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledRunMain.class.getName(), root.toString(), project.toString(), Integer.toString(LOTS + 1))
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().put("KILLED_RUN_DIR", dir.toString());
        Process process = builder.start();
        seen.add(process.pid());
        return process;
    }

    /** Until every lot's workload runs and sleeps: 120 s guard a loaded machine. */
    private void awaitSleepingLots() throws Exception {
        for (int i = 0; i < 1200 && lines("child").size() < LOTS; i++) {
            Thread.sleep(100);
        }
        assertThat(lines("child")).as("sleeping workloads; see " + dir).hasSizeGreaterThanOrEqualTo(LOTS);
    }

    private void awaitIdle(Process run) throws Exception {
        assertThat(run.waitFor(180, TimeUnit.SECONDS)).as("restarted run idle; see " + dir).isTrue();
        assertThat(run.exitValue()).as("restarted run's exit; see " + dir + "/second.err").isZero();
    }

    /** The workload scripts and their sleeping children, from the events file. */
    private List<Long> workloadProcesses() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (String line : Files.readAllLines(events)) {
            String[] words = line.split(" ");
            if (words[0].equals("start") || words[0].equals("child")) {
                pids.add(Long.parseLong(words[2]));
            }
        }
        seen.addAll(pids);
        return pids;
    }

    private static List<Long> awaitGone(List<Long> pids) throws InterruptedException {
        List<Long> alive = pids;
        for (int i = 0; i < 300 && !alive.isEmpty(); i++) {
            Thread.sleep(100);
            alive = pids.stream().filter(KilledRunTest::alive).toList();
        }
        return alive;
    }

    private Map<String, Integer> startsPerLot() throws IOException {
        Map<String, Integer> starts = new HashMap<>();
        lines("start").forEach(line -> starts.merge(line.split(" ")[1], 1, Integer::sum));
        return starts;
    }

    private List<String> lines(String word) throws IOException {
        try (Stream<String> lines = Files.lines(events)) {
            return lines.filter(line -> line.startsWith(word + " ")).toList();
        }
    }

    private static boolean alive(long pid) {
        return ProcStat.of(pid).map(ProcStat::alive).orElse(false);
    }

    private static void signal(String signal, String target) throws Exception {
        new ProcessBuilder("kill", "-" + signal, "--", target).inheritIO().start().waitFor();
    }
}

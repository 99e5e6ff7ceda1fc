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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of a local run while batch workloads run (issue 12, point 2): the workloads die with it, and the
 * restarted run never starts a lot while a process of that lot's earlier run lives. The run is a child JVM; the
 * workload (resources/killed-run/app/work.sh) writes a line per start and flags any start that finds an earlier
 * process of its lot alive. Both runs' clocks stand still mid-interval, so the runs close exactly the placed lots
 * (a wall clock let a run close the interval it was placed in, a fourth lot the test did not wait for). Waits are
 * bounded polls with generous limits; nothing depends on timing.
 */
class KilledRunTest {
    private static final String BUCKET = "dev-cls-killed-run-123456789012-us-west-2";
    private static final int LOTS = 3;
    /** Where both runs' clocks stand: two and a half minutes into a five-minute interval, before any file time. */
    private static final Instant NOW = Instant.parse("2026-01-05T10:02:30Z");

    @TempDir
    Path dir;

    private Path root;
    private Path project;
    private Path events;
    private final List<Long> seen = new ArrayList<>();
    private final Set<Long> sessions = new TreeSet<>();

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
        LotId current = LotId.of(LotUnit.TWELFTHS, NOW);
        for (int back = 1; back <= LOTS; back++) {
            LotId lot = current.plus(-back);
            LocalPut.put(("row " + back).getBytes(), BUCKET, "landing/file-" + back, new FileObjectStore(root),
                    lot.start().plus(Duration.ofMinutes(1)));
        }
    }

    @AfterEach
    void killLeftovers() {
        seen.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        survivors(sessions).forEach(process -> ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void workloadsDieWithAKilledRunAndTheRestartRunsEachLotOnceMore() throws Exception {
        Process run = startRun("first");
        awaitSleepingLots();
        sessions.addAll(workloadSessions(run));
        run.destroyForcibly(); // SIGKILL
        run.waitFor();

        workloadProcesses(); // for the clean-up
        assertThat(sessions).as("one workload session per lot").hasSize(LOTS);
        assertThat(awaitGone(sessions)).as("processes of the workloads' sessions alive 30 s after kill -9 of their "
                + "run").isEmpty();

        Files.createFile(dir.resolve("release"));
        awaitIdle(startRun("second"));

        assertThat(lines("overlap")).isEmpty();
        assertThat(startsPerLot()).as("each placed lot started by the first run and once more by the restart")
                .isEqualTo(placedLots(2));
        assertThat(root.resolve("local/workloads")).as("leases left").isEmptyDirectory();
    }

    @Test
    void aRestartedRunEndsAnEarlierProcessOfALotBeforeRunningTheLot() throws Exception {
        Process run = startRun("first");
        awaitSleepingLots();
        sessions.addAll(workloadSessions(run));
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
        assertThat(startsPerLot()).isEqualTo(placedLots(2));
        assertThat(workloadProcesses().stream().filter(KilledRunTest::alive)).isEmpty();
        assertThat(sessions).hasSize(LOTS);
        assertThat(survivors(sessions)).as("processes of the first run's workload sessions").isEmpty();
    }

    private Process startRun(String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledRunMain.class.getName(), root.toString(), project.toString(), Integer.toString(LOTS + 1),
                NOW.toString())
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

    /**
     * The sessions of the run's workloads, each led by its watchdog: from the leases the run recorded (one is written
     * before its workload may start) and from the run's descendants now, so a workload the events file does not name
     * yet is waited for too.
     */
    private Set<Long> workloadSessions(Process run) throws IOException {
        Set<Long> sessions = new TreeSet<>();
        long ours = ProcStat.of(ProcessHandle.current().pid()).orElseThrow().session();
        run.toHandle().descendants().forEach(child -> ProcStat.of(child.pid())
                .filter(stat -> stat.session() != ours)
                .ifPresent(stat -> sessions.add(stat.session())));
        try (Stream<Path> leases = Files.list(root.resolve("local/workloads"))) {
            leases.map(lease -> lease.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .forEach(name -> sessions.add(Long.parseLong(name.substring(0, name.indexOf('-')))));
        }
        return sessions;
    }

    /** Until no live process of the sessions is left, at most 30 s; returns those still alive. */
    private static List<ProcStat> awaitGone(Set<Long> sessions) throws InterruptedException {
        List<ProcStat> alive = survivors(sessions);
        for (int i = 0; i < 300 && !alive.isEmpty(); i++) {
            Thread.sleep(100);
            alive = survivors(sessions);
        }
        return alive;
    }

    private static List<ProcStat> survivors(Set<Long> sessions) {
        return ProcStat.all().stream().filter(process -> sessions.contains(process.session()) && process.alive())
                .toList();
    }

    /** Each placed lot with {@code starts}. */
    private static Map<String, Integer> placedLots(int starts) {
        Map<String, Integer> lots = new HashMap<>();
        LotId current = LotId.of(LotUnit.TWELFTHS, NOW);
        for (int back = 1; back <= LOTS; back++) {
            lots.put(current.plus(-back).format(), starts);
        }
        return lots;
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

package io.clusterless.local.process;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A workload runs in a process group of its own, recorded in a lease while any of it may run, and nothing of it
 * outlives its end: not its background children, not a timeout, not a run whose watchdog could not act.
 */
class WorkloadProcessTest {
    @TempDir
    Path dir;

    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void aWorkloadsBackgroundChildrenEndWithIt() throws Exception {
        WorkloadLeases leases = new WorkloadLeases(dir.resolve("leases"));
        int exit;
        try (WorkloadProcess process = start(leases, "sleep 300 & echo $! > child; exit 3")) {
            exit = process.await(Duration.ZERO);
        }
        long child = pid("child");

        assertThat(exit).isEqualTo(3);
        assertThat(alive(child)).isFalse();
        assertThat(leases(leases)).isEmpty();
    }

    @Test
    void aWorkloadPastItsTimeoutIsKilledWithItsGroup() throws Exception {
        WorkloadLeases leases = new WorkloadLeases(dir.resolve("leases"));
        try (WorkloadProcess process = start(leases, "echo $$ > self; sleep 300 & echo $! > child; wait")) {
            awaitFile("child");
            assertThatThrownBy(() -> process.await(Duration.ofMillis(200)))
                    .isInstanceOf(WorkloadProcess.TimeoutException.class);
        }

        assertThat(alive(pid("self"))).isFalse();
        assertThat(alive(pid("child"))).isFalse();
        assertThat(leases(leases)).isEmpty();
    }

    @Test
    void aLeaseLeftByADeadRunEndsItsGroupBeforeAnythingRunsAgain() throws Exception {
        WorkloadLeases leases = new WorkloadLeases(dir.resolve("leases"));
        WorkloadProcess process = start(leases, "echo $$ > self; sleep 300 & echo $! > child; wait");
        awaitFile("child");
        long watchdog = process.pid();
        // a watchdog that cannot act (stopped), as if the run died before the kernel let it run
        new ProcessBuilder("kill", "-STOP", Long.toString(watchdog)).start().waitFor();
        assertThat(leases(leases)).hasSize(1);

        int reclaimed = new WorkloadLeases(dir.resolve("leases")).reclaimAll();

        assertThat(reclaimed).isEqualTo(1);
        assertThat(alive(pid("self"))).isFalse();
        assertThat(alive(pid("child"))).isFalse();
        assertThat(alive(watchdog)).isFalse();
        assertThat(leases(leases)).isEmpty();
    }

    @Test
    void aLeaseWhosePidNowNamesAnotherProcessIsDroppedWithoutKillingIt() throws Exception {
        WorkloadLeases leases = new WorkloadLeases(dir.resolve("leases"));
        Process other = new ProcessBuilder("sleep", "300").start();
        started.add(other.pid());
        long startTicks = ProcStat.of(other.pid()).orElseThrow().startTicks();
        leases.record(new WorkloadLease(other.pid(), startTicks - 1, leases.bootId(), "lot", "log"));

        assertThat(leases.reclaimAll()).isZero();
        assertThat(other.isAlive()).isTrue();
        assertThat(leases(leases)).isEmpty();
    }

    private WorkloadProcess start(WorkloadLeases leases, String script) throws IOException {
        WorkloadProcess process = WorkloadProcess.start(List.of("/bin/sh", "-c", script), dir,
                Map.of("PATH", System.getenv("PATH")), dir.resolve("log"), "lot", leases);
        started.add(process.pid());
        return process;
    }

    private long pid(String file) throws Exception {
        long pid = Long.parseLong(Files.readString(awaitFile(file)).trim());
        started.add(pid);
        return pid;
    }

    /** Bounded: the workload writes the file at once; 30 s only guard a stuck machine. */
    private Path awaitFile(String name) throws InterruptedException {
        Path file = dir.resolve(name);
        for (int i = 0; i < 3000 && !(Files.exists(file) && file.toFile().length() > 0); i++) {
            Thread.sleep(10);
        }
        return file;
    }

    private static boolean alive(long pid) {
        return ProcStat.of(pid).map(ProcStat::alive).orElse(false);
    }

    private static List<Path> leases(WorkloadLeases leases) throws IOException {
        Path dir = leases.dir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}

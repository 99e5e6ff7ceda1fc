package io.clusterless.local.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local workload that dies with the run that started it (ADR-0008). {@code setsid} puts it in a process group and
 * session of its own, led by a small shell, the watchdog, whose standard input is a pipe only this JVM writes to.
 * The kernel closes that pipe however the JVM ends, {@code kill -9} included; the watchdog then reads end-of-file
 * and kills its whole group. The workload starts only after the run recorded the group in a lease and wrote
 * {@code go}, so no workload runs without a lease that a restarted run finds.
 */
public final class WorkloadProcess implements AutoCloseable {
    /**
     * $1.. is the workload's command. It runs in a subshell that reports its exit status on standard output; the
     * workload's own output goes to the log (standard error). The watchdog holds standard input: end-of-file, from
     * {@link #close()} or from the JVM's death, kills the group (itself included).
     */
    static final String WATCHDOG = String.join("\n",
            "IFS= read -r go || exit 0",
            "[ \"$go\" = go ] || exit 0",
            "( \"$@\" </dev/null >&2; echo \"exit $?\" ) &",
            "while IFS= read -r line; do :; done",
            "kill -KILL 0",
            "");
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final ScheduledExecutorService TIMEOUTS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cls-workload-timeout");
        thread.setDaemon(true);
        return thread;
    });

    private final Process process;
    private final OutputStream watchdog;
    private final WorkloadLease lease;
    private final WorkloadLeases leases;
    private final AtomicBoolean timedOut = new AtomicBoolean();

    private WorkloadProcess(Process process, WorkloadLease lease, WorkloadLeases leases) {
        this.process = process;
        this.watchdog = process.getOutputStream();
        this.lease = lease;
        this.leases = leases;
    }

    /**
     * Starts {@code command} in {@code dir} with {@code environment} (replacing the JVM's), its output appended to
     * {@code log}, after recording its lease.
     */
    public static WorkloadProcess start(List<String> command, Path dir, Map<String, String> environment, Path log,
                                        String lot, WorkloadLeases leases) throws IOException {
        String setsid = Files.isExecutable(SETSID) ? SETSID.toString() : "setsid";
        List<String> launch = new ArrayList<>(List.of(setsid, "/bin/sh", "-c", WATCHDOG, "cls-workload"));
        launch.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(launch).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot start setsid (util-linux) to run a workload: " + e.getMessage(), e);
        }
        WorkloadLease lease;
        try {
            ProcStat leader = ProcStat.of(process.pid()).orElseThrow(() -> new IOException(
                    "the workload launcher (pid " + process.pid() + ") ended at once; see " + log));
            lease = new WorkloadLease(process.pid(), leader.startTicks(), leases.bootId(), lot, log.toString());
            leases.record(lease);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly(); // it has not started the workload: that waits for "go"
            throw e;
        }
        WorkloadProcess started = new WorkloadProcess(process, lease, leases);
        try {
            started.watchdog.write("go\n".getBytes(StandardCharsets.US_ASCII));
            started.watchdog.flush();
        } catch (IOException e) {
            started.close();
            throw new IOException("the workload launcher ended before its workload started; see " + log, e);
        }
        return started;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Waits for the workload to exit, at most {@code timeout} (none if zero), then ends its whole group.
     *
     * @return the workload's exit status
     * @throws TimeoutException if it ran longer than {@code timeout}; its group has been killed
     */
    public int await(Duration timeout) throws IOException, InterruptedException {
        ScheduledFuture<?> timer = timeout.isZero() ? null : TIMEOUTS.schedule(() -> {
            timedOut.set(true);
            closeWatchdog();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        String status;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII))) {
            status = reader.readLine(); // null once the whole group is killed
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
            close();
        }
        if (timedOut.get()) {
            throw new TimeoutException();
        }
        if (status == null || !status.startsWith("exit ")) {
            throw new IOException("the workload's watchdog (pid " + process.pid() + ") ended before the workload "
                    + "reported its exit status; was it killed?");
        }
        return Integer.parseInt(status.substring(5).trim());
    }

    /** Kills whatever is left of the group (a workload's background processes too, as Batch ends a container). */
    @Override
    public void close() {
        closeWatchdog();
        try {
            process.waitFor(WorkloadLeases.KILL_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leases.end(lease);
    }

    private void closeWatchdog() {
        try {
            watchdog.close();
        } catch (IOException e) {
            // already closed, or the watchdog is gone: either way its end-of-file is given
        }
    }

    /** The workload outlived its timeout. */
    public static final class TimeoutException extends IOException {
        TimeoutException() {
            super("timed out");
        }
    }
}

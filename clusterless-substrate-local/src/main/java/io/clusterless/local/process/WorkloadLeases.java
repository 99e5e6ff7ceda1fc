package io.clusterless.local.process;

import io.clusterless.json.Json;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workload process groups of a local root that may still run (ADR-0008): one file each, written before the
 * workload starts and removed once none of its processes is left. Only the process holding the root's lock uses
 * them, so at start every lease found was left by a run that died; {@link #reclaimAll()} ends what is left of those
 * groups before any lot runs again.
 */
public final class WorkloadLeases {
    private static final System.Logger LOG = System.getLogger(WorkloadLeases.class.getName());
    /** SIGKILL ends a process at once unless it sits in an uninterruptible wait (a hung disk or mount). */
    static final Duration KILL_WAIT = Duration.ofSeconds(30);

    private final Path dir;
    private String bootId;

    public WorkloadLeases(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Read when first needed: a run without batch workloads and without leases needs no /proc (macOS). */
    synchronized String bootId() {
        if (bootId == null) {
            bootId = ProcStat.bootId();
        }
        return bootId;
    }

    /** Writes the lease atomically: a crash leaves it whole or absent (then the workload has not started). */
    void record(WorkloadLease lease) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + lease.fileName() + ".tmp");
        Files.write(tmp, Json.records().writeValueAsBytes(lease));
        try {
            Files.move(tmp, dir.resolve(lease.fileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(lease.fileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Kills every process left of the lease's group and session, waits until none is alive, then drops the lease.
     *
     * @throws IllegalStateException if a process outlives SIGKILL for {@link #KILL_WAIT}; the lease stays
     */
    void end(WorkloadLease lease) {
        long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        List<ProcStat> left = survivors(lease);
        while (!left.isEmpty()) {
            // kill(2) by pid: a member that forks meanwhile is found by the next look
            left.forEach(process -> ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly));
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(lease.describe() + " still runs " + left.size()
                        + " process(es) after SIGKILL for " + KILL_WAIT.toSeconds() + " s (pids "
                        + left.stream().map(p -> Long.toString(p.pid())).toList() + "); end them, then start again");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while ending " + lease.describe(), e);
            }
            left = survivors(lease);
        }
        try {
            Files.deleteIfExists(dir.resolve(lease.fileName()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove the lease of " + lease.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Ends the groups of every lease left by an earlier run; called before any lot runs.
     *
     * @return how many groups still had a live process
     */
    public int reclaimAll() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int reclaimed = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                    Files.deleteIfExists(file); // a lease being written when the run died: its workload never started
                    continue;
                }
                WorkloadLease lease = Json.records().readValue(file.toFile(), WorkloadLease.class);
                if (!survivors(lease).isEmpty()) {
                    LOG.log(System.Logger.Level.WARNING, "ending {0}, left running by an earlier run",
                            lease.describe());
                    reclaimed++;
                }
                end(lease);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the workload leases in " + dir + ": " + e.getMessage()
                    + "; make sure no workload of an earlier run still runs, then remove " + dir, e);
        }
        return reclaimed;
    }

    /**
     * The live processes of the lease's group or session. The group and session ids are the leader's pid, which
     * Linux does not hand out again while any process still uses it as its group or session, so members are ours
     * as long as the leader is ours (same start time) or gone; a later process that took the number after all of
     * ours had ended starts a group only as its own leader, which then shows another start time.
     */
    List<ProcStat> survivors(WorkloadLease lease) {
        if (!lease.bootId().equals(bootId())) {
            return List.of(); // the machine restarted since: nothing of that run is left
        }
        List<ProcStat> all = ProcStat.all();
        boolean leaderOurs = all.stream().filter(p -> p.pid() == lease.pid()).allMatch(p -> p.startTicks() == lease.startTicks());
        if (!leaderOurs) {
            return List.of();
        }
        return all.stream().filter(p -> (p.pid() == lease.pid() || p.pgid() == lease.pid() || p.session() == lease.pid()) && p.alive()
                && p.startTicks() >= lease.startTicks()).toList();
    }
}

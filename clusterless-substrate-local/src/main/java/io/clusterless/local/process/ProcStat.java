package io.clusterless.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What Linux says of one process in {@code /proc/<pid>/stat}: its state, process group, session, and start time in
 * clock ticks since boot. A pid alone may name a later process once the first ended; pid and start time together
 * name one process for as long as the machine runs.
 */
public record ProcStat(long pid, char state, long pgid, long session, long startTicks) {
    private static final Path PROC = Path.of("/proc");

    /** Zombies have ended (only their exit status is left to collect) and can no longer do anything. */
    public boolean alive() {
        return state != 'Z' && state != 'X' && state != 'x';
    }

    public static Optional<ProcStat> of(long pid) {
        try {
            return Optional.of(parse(pid, Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone, or vanished while being read
        }
    }

    /** Every process visible now, each read once; processes that end meanwhile are left out. */
    public static List<ProcStat> all() {
        List<ProcStat> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> !name.isEmpty() && name.chars().allMatch(Character::isDigit))
                    .forEach(name -> of(Long.parseLong(name)).ifPresent(found::add));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return found;
    }

    /** The command name (field 2) is in parentheses and may hold spaces and ')' itself: parse after the last ')'. */
    static ProcStat parse(long pid, String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 of proc(5): state; 5 pgrp; 6 session; 22 starttime
        return new ProcStat(pid, fields[0].charAt(0), Long.parseLong(fields[2]), Long.parseLong(fields[3]),
                Long.parseLong(fields[19]));
    }

    /** Changes with every boot, when pids and start times begin again. */
    public static String bootId() {
        try {
            return Files.readString(PROC.resolve("sys/kernel/random/boot_id")).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/sys/kernel/random/boot_id: " + e.getMessage(), e);
        }
    }
}

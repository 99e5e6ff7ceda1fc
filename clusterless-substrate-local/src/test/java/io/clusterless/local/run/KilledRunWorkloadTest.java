package io.clusterless.local.run;

import io.clusterless.local.process.ProcStat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KilledRunTest's oracle, the workload's overlap check (resources/killed-run/app/work.sh), on the case that once
 * failed that test: an earlier process of the lot that has ended but is still a zombie, reaped by its parent while
 * the check reads it (a killed run's processes are orphans, and PID 1 may reap them a second or more later). The
 * reap is made to happen right after the check's first read of the process: a {@code cut} on the workload's PATH
 * passes its input through and then has the zombie reaped. The check must read it as ended.
 */
class KilledRunWorkloadTest {
    @TempDir
    Path dir;

    private Process parent;

    @AfterEach
    void endParent() {
        if (parent != null) {
            parent.destroyForcibly();
        }
    }

    @Test
    void aProcessReapedWhileTheCheckReadsItIsNoOverlap() throws Exception {
        Path reap = dir.resolve("reap");
        new ProcessBuilder("mkfifo", reap.toString()).inheritIO().start().waitFor();
        // a parent that leaves its exited child a zombie until a line arrives on the fifo, then reaps it
        parent = new ProcessBuilder("/bin/sh", "-c", "sleep 0.1 & echo $!; read line < \"$1\"; wait", "parent",
                reap.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long zombie;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                StandardCharsets.US_ASCII))) {
            zombie = Long.parseLong(out.readLine().trim());
        }
        ProcStat ended = awaitZombie(zombie);

        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("cut"), String.join("\n",
                "#!/bin/sh",
                "input=$(cat)",
                "printf '%s\\n' \"$input\" | /usr/bin/cut \"$@\"",
                "case \"$input\" in",
                "  \"Z \"*\" " + ended.startTicks() + " \"*) echo reap > \"$REAP\"",
                "    while [ -e /proc/" + zombie + "/stat ]; do sleep 0.01; done ;;",
                "esac", ""));
        bin.resolve("cut").toFile().setExecutable(true);
        String lot = "20260105PT5M119";
        Files.writeString(dir.resolve("events"), "start " + lot + " " + zombie + " " + ended.startTicks() + "\n");
        Files.createFile(dir.resolve("release"));

        ProcessBuilder workload = new ProcessBuilder("/bin/sh",
                Path.of("src/test/resources/killed-run/app/work.sh").toAbsolutePath().toString(), lot)
                .redirectErrorStream(true).redirectOutput(dir.resolve("workload.log").toFile());
        workload.environment().put("KILLED_RUN_DIR", dir.toString());
        workload.environment().put("REAP", reap.toString());
        workload.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process check = workload.start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).as("the workload's check ended").isTrue();

        assertThat(ProcStat.of(zombie)).as("reaped during the check").isEmpty();
        List<String> lines = Files.readAllLines(dir.resolve("events"));
        assertThat(lines).as("events; workload output: " + Files.readString(dir.resolve("workload.log")))
                .hasSize(2).noneMatch(line -> line.startsWith("overlap "));
    }

    /** Until the process has exited and waits, a zombie, for its parent: 10 s at most. */
    private static ProcStat awaitZombie(long pid) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            ProcStat stat = ProcStat.of(pid).orElseThrow();
            if (!stat.alive()) {
                return stat;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("process " + pid + " did not end");
    }
}

package io.clusterless.substrate.aws.cdk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class CdkRunnerTest {
    @TempDir
    Path dir;

    @Test
    void interruptedWhileCdkRuns_killsCdkAndWhatItStarted_beforeReturning() throws Exception {
        Path started = dir.resolve("started");
        Path cdk = dir.resolve("cdk");
        // a cdk that starts a child of its own and never ends by itself
        Files.writeString(cdk, "#!/bin/bash\nsleep 600 &\necho \"$$ $!\" > " + started + ".tmp\nmv " + started
                + ".tmp " + started + "\nwait\n");
        Files.setPosixFilePermissions(cdk, PosixFilePermissions.fromString("rwx------"));
        CdkRunner runner = new CdkRunner(cdk, Map.of("PATH", System.getenv("PATH")), line -> { }, 0);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread command = new Thread(() -> {
            try {
                runner.run(List.of("deploy"), false);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        command.start();
        for (int i = 0; i < 600 && !Files.exists(started); i++) {
            Thread.sleep(100); // bounded: 60 s for bash to start
        }
        assertThat(started).exists();
        List<Long> pids = new ArrayList<>();
        for (String pid : Files.readString(started).strip().split(" ")) {
            pids.add(Long.parseLong(pid));
        }

        command.interrupt();
        command.join(60_000);

        assertThat(command.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CdkException.class).hasMessageContaining("interrupted");
        // the cdk itself is our child and waited for; its child is killed and reaped by init, so wait (bounded)
        for (long pid : pids) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isPresent()) {
                try {
                    handle.get().onExit().get(30, TimeUnit.SECONDS);
                } catch (TimeoutException stillRunning) {
                    handle.get().destroyForcibly(); // do not leave it behind; the assertion below fails
                }
            }
            assertThat(handle.map(ProcessHandle::isAlive)).as("process " + pid + " after the interrupt")
                    .isNotEqualTo(Optional.of(true));
        }
    }
}

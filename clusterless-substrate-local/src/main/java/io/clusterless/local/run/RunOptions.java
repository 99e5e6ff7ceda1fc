package io.clusterless.local.run;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a local placement.
 *
 * @param root         the local root (objects under {@code root/buckets})
 * @param projectDir   where relative {@code imagePath}s of batch arcs are resolved
 * @param untilIdle    stop once nothing is left to do, instead of watching for new files
 * @param parallelism  arc runs at once
 * @param pollInterval how often the landing folders are looked at while watching
 */
public record RunOptions(Path root, Path projectDir, boolean untilIdle, int parallelism, Duration pollInterval) {
    public RunOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, found: " + parallelism);
        }
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    }
}

package io.clusterless.local.run;

import io.clusterless.local.plan.LocalPlan;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** {@code cls local run --until-idle} in a JVM of its own, so that {@link KilledRunTest} can kill it with -9. */
public final class KilledRunMain {
    private KilledRunMain() {
    }

    /**
     * Arguments: local root, project file, parallelism, and the instant the run's clock stands at (fixed, so which
     * intervals it closes follows from the test's lots, never from when the test happens to run).
     */
    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[1]);
        LocalPlan plan = LocalPlan.of(new ProjectLoader().loadAll(List.of(ProjectSource.file(project))).deployables());
        Clock clock = Clock.fixed(Instant.parse(args[3]), ZoneOffset.UTC);
        try (LocalRunner runner = new LocalRunner(plan, new RunOptions(Path.of(args[0]), project.getParent(), true,
                Integer.parseInt(args[2]), null), clock)) {
            runner.run(progress -> { });
            System.out.println("idle: " + runner.progress());
        }
    }
}

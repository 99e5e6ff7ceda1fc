package io.clusterless.local.run;

import io.clusterless.engine.boundary.BoundaryLedger;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * A project of {@code examples/} placed in a temporary local root, run with a fixed clock so the intervals a run
 * closes follow from the chosen lots, never from when the test happens to run. Its frequent boundaries count as
 * placed a day before that clock (so every interval the tests land files in is after the placement), unless made
 * with {@link #placedNow}.
 */
final class LocalPlacement {
    static final Path EXAMPLES = Path.of("..", "examples");

    final Path root;
    final LocalPlan plan;
    final Instant now;
    final Clock clock;
    final Path projectDir;

    LocalPlacement(Path root, String... projectFiles) {
        this(root, Duration.ofDays(1), new ProjectLoader(), projectFiles);
    }

    /** A placement whose boundaries are first placed by the first run, at the fixed clock's time. */
    static LocalPlacement placedNow(Path root, String... projectFiles) {
        return new LocalPlacement(root, Duration.ZERO, new ProjectLoader(), projectFiles);
    }

    /** A placement of projects loaded with {@code loader} (e.g. one whose registry has a test type). */
    static LocalPlacement loadedWith(ProjectLoader loader, Path root, String... projectFiles) {
        return new LocalPlacement(root, Duration.ofDays(1), loader, projectFiles);
    }

    private LocalPlacement(Path root, Duration placedBefore, ProjectLoader loader, String... projectFiles) {
        this.root = root;
        this.now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        this.clock = Clock.fixed(now, ZoneOffset.UTC);
        List<ProjectSource> sources = Stream.of(projectFiles).map(file -> ProjectSource.file(EXAMPLES.resolve(file)))
                .toList();
        this.plan = LocalPlan.of(loader.loadAll(sources).deployables());
        this.projectDir = EXAMPLES.resolve(projectFiles[0]).toAbsolutePath().getParent();
        if (!placedBefore.isZero()) {
            FileObjectStore store = new FileObjectStore(root);
            for (LocalPlan.BoundaryEntry boundary : plan.boundaries()) {
                new BoundaryLedger(store, boundary.props().manifestBucket(), boundary.props().dataset())
                        .since(now.minus(placedBefore));
            }
        }
    }

    /** The lot {@code back} intervals before the one running now. */
    LotId lotsAgo(LotUnit unit, int back) {
        return LotId.of(unit, now).plus(-back);
    }

    /** A minute into the lot: a modification time that falls in it. */
    static Instant within(LotId lot) {
        return lot.start().plus(Duration.ofMinutes(1));
    }

    /** Writes an object dated {@code modified}, as a producer landing a file would. */
    void land(String bucket, String key, String content, Instant modified) {
        LocalPut.put(content.getBytes(), bucket, key, new FileObjectStore(root), modified);
    }

    RunProgress runUntilIdle() throws InterruptedException {
        try (LocalRunner runner = new LocalRunner(plan, new RunOptions(root, projectDir, true, 2, null), clock)) {
            runner.run(progress -> { });
            return runner.progress();
        }
    }

    Path file(String bucket, String key) {
        return root.resolve("buckets").resolve(bucket).resolve(key);
    }

    boolean exists(String bucket, String key) {
        return Files.isRegularFile(file(bucket, key));
    }

    String read(String bucket, String key) throws java.io.IOException {
        return Files.readString(file(bucket, key));
    }
}

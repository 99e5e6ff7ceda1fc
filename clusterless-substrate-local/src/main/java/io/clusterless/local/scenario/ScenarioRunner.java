package io.clusterless.local.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.run.LocalPut;
import io.clusterless.local.run.LocalRunner;
import io.clusterless.local.run.RunOptions;
import io.clusterless.local.run.RunProgress;
import io.clusterless.model.Deployable;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.validate.ProjectValidator;
import io.clusterless.model.validate.ValidationOptions;
import io.clusterless.runtime.location.S3Location;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs scenario files on the local substrate: for each, a fresh local root, the projects placed, the ingress
 * objects written (dated {@code uploadDelaySec} apart, ending before the current interval, so their lots have
 * ended), one run until idle, then every watched store counted. Where the original deployed to AWS and polled for
 * up to {@code timeoutSec}, the local run is over when it is idle, so the counts are final.
 */
public final class ScenarioRunner {
    /** Ingress objects end this long before now: longer than the longest lot unit, so their lots have ended. */
    private static final Duration ENDED = Duration.ofMinutes(16);
    private static final int MAX_DEPTH = 20;

    private final Path localRoot;
    private final int parallelism;
    private final Clock clock;

    public ScenarioRunner(Path localRoot, int parallelism, Clock clock) {
        this.localRoot = localRoot;
        this.parallelism = parallelism;
        this.clock = clock;
    }

    /** Every {@code scenario.json} at or under {@code path}, in path order. */
    public static List<Path> find(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("no scenario file or folder at " + path);
        }
        try (Stream<Path> walk = Files.walk(path, MAX_DEPTH)) {
            return walk.filter(file -> file.getFileName().toString().equals("scenario.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + path, e);
        }
    }

    public ScenarioResult run(Path file) {
        Scenario scenario;
        try {
            scenario = Json.records().readValue(file.toFile(), Scenario.class);
        } catch (IOException e) {
            return new ScenarioResult(file.toString(), "failed", "unreadable scenario: " + e.getMessage());
        }
        String name = scenario.name() == null ? file.getParent().getFileName().toString() : scenario.name();
        if (!scenario.isEnabled()) {
            return new ScenarioResult(name, "skipped", "disabled");
        }
        try {
            return new ScenarioResult(name, "passed", runEnabled(file.toAbsolutePath().getParent(), name, scenario));
        } catch (ScenarioFailure e) {
            return new ScenarioResult(name, "failed", e.getMessage());
        } catch (RuntimeException e) {
            return new ScenarioResult(name, "failed", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ScenarioResult(name, "failed", "interrupted");
        }
    }

    private String runEnabled(Path dir, String name, Scenario scenario) throws InterruptedException {
        if (scenario.projectFiles().isEmpty()) {
            throw new ScenarioFailure("the scenario names no projectFiles");
        }
        LocalPlan plan = LocalPlan.of(load(dir, scenario.projectFiles()));
        Path root = localRoot.resolve(name);
        deleteTree(root);
        Path projectDir = dir.resolve(scenario.projectFiles().get(0)).toAbsolutePath().normalize().getParent();
        RunProgress progress;
        try (LocalRunner runner = new LocalRunner(plan, new RunOptions(root, projectDir, true, parallelism, null),
                clock)) {
            for (Scenario.IngressStore store : scenario.ingressStores()) {
                ingress(store, runner);
            }
            runner.run(p -> { });
            progress = runner.progress();
        }
        List<String> problems = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        for (Scenario.WatchedStore watched : scenario.watchedStores()) {
            long count = count(root, watched);
            counts.add(watched.path() + " " + count + "/" + watched.objectCount());
            if (count < watched.objectCount()) {
                problems.add(watched.path() + " holds " + count + " of the " + watched.objectCount() + " expected");
            }
        }
        if (progress.failed() > 0) {
            problems.add(progress.failed() + " arc runs did not complete");
        }
        if (!problems.isEmpty()) {
            throw new ScenarioFailure(String.join("; ", problems) + " (local root " + root + ")");
        }
        return String.join(", ", counts) + "; " + progress.arcRuns() + " arc runs";
    }

    private void ingress(Scenario.IngressStore store, LocalRunner runner) {
        S3Location location = S3Location.parse(store.path().endsWith("/") ? store.path() : store.path() + "/");
        int delay = store.uploadDelaySec() == null ? 0 : store.uploadDelaySec();
        Instant end = clock.instant().minus(ENDED);
        Instant start = end.minusSeconds((long) delay * Math.max(0, store.objectCount() - 1));
        String value = store.record() == null || store.record().value() == null ? "%d" : store.record().value();
        for (int i = 0; i < store.objectCount(); i++) {
            Instant modified = start.plusSeconds((long) delay * i);
            String key = location.prefix() + String.format(store.objectName(), i, modified.toEpochMilli());
            StringBuilder body = new StringBuilder();
            for (int line = 0; line < store.objectCount(); line++) {
                body.append(String.format(value, line)).append('\n');
            }
            LocalPut.put(body.toString().getBytes(StandardCharsets.UTF_8), location.bucket(), key, runner.store(),
                    modified);
        }
    }

    private static long count(Path root, Scenario.WatchedStore watched) {
        if ("glue".equalsIgnoreCase(watched.watchType())) {
            // glue://catalog/db/table or glue:///db/table: the last two segments name the table
            String[] parts = watched.path().replaceFirst("^glue://[^/]*/", "").split("/");
            Path table = root.resolve("catalog").resolve(parts[parts.length - 2]).resolve(parts[parts.length - 1] + ".json");
            if (!Files.exists(table)) {
                return 0;
            }
            try {
                JsonNode node = Json.records().readTree(table.toFile());
                return node.path("partitions").size();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + table, e);
            }
        }
        S3Location location = S3Location.parse(watched.path().endsWith("/") ? watched.path() : watched.path() + "/");
        Path dir = root.resolve("buckets").resolve(location.bucket()).resolve(location.prefix());
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count " + dir, e);
        }
    }

    private static List<Deployable> load(Path dir, List<String> projectFiles) {
        ComponentRegistry registry = ComponentRegistry.defaultRegistry();
        List<ProjectSource> sources = projectFiles.stream().map(file -> ProjectSource.file(dir.resolve(file))).toList();
        try {
            LoadedProject loaded = new ProjectLoader(registry, Map.of(), java.io.InputStream.nullInputStream()).loadAll(sources);
            var problems = new ProjectValidator(registry).validate(loaded, ValidationOptions.offline());
            if (!problems.isEmpty()) {
                throw new ScenarioFailure(problems.get(0).format());
            }
            return loaded.deployables();
        } catch (ProblemException e) {
            throw new ScenarioFailure(e.problems().get(0).format());
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + root + " for a fresh run", e);
        }
    }


    /** A scenario that ran but did not reach its expectations. */
    private static final class ScenarioFailure extends RuntimeException {
        ScenarioFailure(String message) {
            super(message);
        }
    }
}

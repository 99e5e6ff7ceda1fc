package io.clusterless.local.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.location.S3Location;
import io.clusterless.json.Json;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.run.LocalPut;
import io.clusterless.local.run.LocalRunner;
import io.clusterless.local.run.RunOptions;
import io.clusterless.local.run.RunProgress;
import io.clusterless.model.Deployable;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.load.JsonnetEvaluator;
import io.clusterless.model.load.JsonnetOptions;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.load.ProjectText;
import io.clusterless.model.validate.ProjectValidator;
import io.clusterless.model.validate.ValidationOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
    static final String JSON = "scenario.json";
    static final String JSONNET = "scenario.jsonnet";

    private final Path localRoot;
    private final int parallelism;
    private final Clock clock;
    private final ScenarioOptions options;

    public ScenarioRunner(Path localRoot, int parallelism, Clock clock) {
        this(localRoot, parallelism, clock, ScenarioOptions.defaults());
    }

    public ScenarioRunner(Path localRoot, int parallelism, Clock clock, ScenarioOptions options) {
        this.localRoot = localRoot;
        this.parallelism = parallelism;
        this.clock = clock;
        this.options = options;
    }

    /**
     * Every {@code scenario.json} and {@code scenario.jsonnet} at or under {@code path}, in path order. Where a
     * folder holds both, the {@code .jsonnet} is the source and the {@code .json} its rendering, so only the source
     * runs (a stale rendering would otherwise run twice, differently).
     */
    public static List<Path> find(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("no scenario file or folder at " + path);
        }
        try (Stream<Path> walk = Files.walk(path, MAX_DEPTH)) {
            return walk.filter(file -> {
                String name = file.getFileName().toString();
                return name.equals(JSONNET)
                        || name.equals(JSON) && !Files.exists(file.resolveSibling(JSONNET));
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + path, e);
        }
    }

    /** Runs {@code files} in order; with stop-on-failure, those after the first failure are skipped, not run. */
    public List<ScenarioResult> runAll(List<Path> files) {
        List<ScenarioResult> results = new ArrayList<>();
        boolean stopped = false;
        for (Path file : files) {
            if (stopped) {
                results.add(new ScenarioResult(displayName(file), "skipped",
                        "not run: an earlier scenario failed and --stop-on-failure is set"));
                continue;
            }
            ScenarioResult result = run(file);
            results.add(result);
            stopped = options.stopOnFailure() && result.failed();
        }
        return results;
    }

    public ScenarioResult run(Path file) {
        Scenario scenario;
        try {
            scenario = read(file);
        } catch (ProblemException e) {
            return new ScenarioResult(displayName(file), "failed", e.problems().get(0).format());
        } catch (IOException e) {
            return new ScenarioResult(displayName(file), "failed", file + ": unreadable scenario: " + e.getMessage());
        }
        String name = scenario.name() == null ? displayName(file) : scenario.name();
        if (!scenario.isEnabled()) {
            return new ScenarioResult(name, "skipped", "disabled");
        }
        try {
            List<String> problems = ScenarioCheck.problems(file, scenario);
            if (!problems.isEmpty()) {
                throw new ScenarioFailure(String.join("; ", problems));
            }
            Path dir = file.toAbsolutePath().getParent();
            List<Deployable> deployables = load(file, dir, scenario.projectFiles());
            if (options.verifyOnly()) {
                return new ScenarioResult(name, "verified", scenario.projectFiles().size() + " project files valid");
            }
            if (options.dryRun()) {
                return new ScenarioResult(name, "planned", plan(scenario));
            }
            return new ScenarioResult(name, "passed", runEnabled(dir, name, scenario, deployables));
        } catch (ScenarioFailure e) {
            return new ScenarioResult(name, "failed", e.getMessage());
        } catch (RuntimeException e) {
            return new ScenarioResult(name, "failed", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ScenarioResult(name, "failed", "interrupted");
        }
    }

    /** A scenario file as the original read it; {@code .jsonnet} files are evaluated with the external variables. */
    public Scenario read(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(".jsonnet")) {
            String code = ProjectText.read(file.toString(), file);
            String json = JsonnetEvaluator.evaluate(file.toString(), file, code, options.extStrs(), options.jpaths());
            return Json.records().readValue(json, Scenario.class);
        }
        return Json.records().readValue(file.toFile(), Scenario.class);
    }

    /** A scenario's name where it gives none: its folder's. */
    public static String displayName(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null ? file.toString() : parent.getFileName().toString();
    }

    private static String plan(Scenario scenario) {
        List<String> lines = new ArrayList<>();
        for (Scenario.IngressStore store : scenario.ingressStores()) {
            lines.add("would write " + store.objectCount() + " objects " + store.uploadDelaySec() + " s apart to "
                    + store.path() + " (first " + String.format(store.objectName(), 1, 0L) + ")");
        }
        for (Scenario.WatchedStore watched : scenario.watchedStores()) {
            lines.add("would expect " + watched.objectCount() + (isGlue(watched) ? " partitions in " : " objects under ")
                    + watched.path());
        }
        return String.join("; ", lines);
    }

    private String runEnabled(Path dir, String name, Scenario scenario, List<Deployable> deployables)
            throws InterruptedException {
        LocalPlan plan = LocalPlan.of(deployables);
        Path root = localRoot.resolve(name);
        deleteTree(root);
        Path projectDir = projectFile(dir, scenario.projectFiles().get(0)).getParent();
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
            // as the original, whose destroy step never ran after a failed watch: the evidence stays
            throw new ScenarioFailure(String.join("; ", problems) + " (local root kept: " + root + ")");
        }
        String kept;
        if (options.disableDestroy()) {
            kept = "; local root kept: " + root;
        } else {
            deleteTree(root);
            kept = "";
        }
        return String.join(", ", counts) + "; " + progress.arcRuns() + " arc runs" + kept;
    }

    private void ingress(Scenario.IngressStore store, LocalRunner runner) {
        S3Location location = S3Location.parse(store.path().endsWith("/") ? store.path() : store.path() + "/");
        int delay = store.uploadDelaySec();
        Instant end = clock.instant().minus(ENDED);
        Instant start = end.minusSeconds((long) delay * Math.max(0, store.objectCount() - 1));
        byte[] body = store.body();
        // the original counted iterations from 1
        for (int iteration = 1; iteration <= store.objectCount(); iteration++) {
            Instant modified = start.plusSeconds((long) delay * (iteration - 1));
            String key = location.prefix() + String.format(store.objectName(), iteration, modified.toEpochMilli());
            LocalPut.put(body, location.bucket(), key, runner.store(), modified);
        }
    }

    public static boolean isGlue(Scenario.WatchedStore watched) {
        return "glue".equalsIgnoreCase(watched.watchType());
    }

    private static long count(Path root, Scenario.WatchedStore watched) {
        if (isGlue(watched)) {
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

    private List<Deployable> load(Path file, Path dir, List<String> projectFiles) {
        ComponentRegistry registry = ComponentRegistry.defaultRegistry();
        List<ProjectSource> sources = projectFiles.stream()
                .map(name -> {
                    Path path = projectFile(dir, name);
                    if (!Files.isRegularFile(path)) {
                        throw new ScenarioFailure(file + ": projectFiles names " + name + ", but there is no file "
                                + path);
                    }
                    return ProjectSource.file(path);
                }).toList();
        try {
            LoadedProject loaded = new ProjectLoader(registry,
                    new JsonnetOptions(options.extStrs(), options.jpaths()), InputStream.nullInputStream())
                    .loadAll(sources);
            var problems = new ProjectValidator(registry).validate(loaded, ValidationOptions.offline());
            if (!problems.isEmpty()) {
                throw new ScenarioFailure(problems.get(0).format());
            }
            return loaded.deployables();
        } catch (ProblemException e) {
            throw new ScenarioFailure(e.problems().get(0).format());
        }
    }

    /**
     * A project file named in a scenario. The original's scenarios name the rendering ({@code x.json}) of a
     * {@code x.jsonnet} its build produced; where only the {@code .jsonnet} exists, it is the file, evaluated here.
     */
    public static Path projectFile(Path dir, String name) {
        Path path = dir.resolve(name).toAbsolutePath().normalize();
        if (!Files.exists(path) && name.endsWith(".json")) {
            Path source = path.resolveSibling(path.getFileName() + "net");
            if (Files.isRegularFile(source)) {
                return source;
            }
        }
        return path;
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
    static final class ScenarioFailure extends RuntimeException {
        ScenarioFailure(String message) {
            super(message);
        }
    }
}

package io.clusterless.cli.command;

import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.UserException;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.load.ImportWatcher;
import io.clusterless.model.load.JsonnetOptions;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.validate.ProjectValidator;
import io.clusterless.model.validate.ValidationOptions;
import io.clusterless.cli.context.VersionProvider;
import io.clusterless.substrate.aws.cdk.CdkLocator;
import io.clusterless.substrate.aws.synth.AssemblyCache;
import io.clusterless.substrate.aws.synth.CacheHints;
import io.clusterless.substrate.aws.synth.AwsSynthesizer;
import io.clusterless.substrate.aws.deploys.CdkSession;
import io.clusterless.substrate.aws.synth.ProjectInput;
import io.clusterless.substrate.aws.synth.SynthKey;
import io.clusterless.substrate.aws.synth.SynthOptions;
import io.clusterless.substrate.aws.synth.SynthResult;
import io.clusterless.substrate.aws.synth.Timings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Loading and reporting shared by {@code synth} and {@code verify}. */
final class AwsSynthSupport {
    static final String TIMINGS_VARIABLE = CdkSession.TIMINGS_VARIABLE;
    /** The timings phase of waiting for jsii's warm-up once the files are loaded. */
    static final String JSII_WAIT = "jsii wait";

    private AwsSynthSupport() {
    }

    /** Loads and validates the files (offline); invalid files fail with every problem, as {@code validate} prints them. */
    static List<ProjectInput> load(CliContext context, List<ProjectSource> sources, JsonnetOptions jsonnet) {
        return load(context, sources, jsonnet, ValidationOptions.offline());
    }

    /** As {@link #load(CliContext, List, JsonnetOptions)}; {@code options} say whether sources may be owned by deployed projects. */
    static List<ProjectInput> load(CliContext context, List<ProjectSource> sources, JsonnetOptions jsonnet,
                                   ValidationOptions options) {
        return load(context, sources, jsonnet, options, ImportWatcher.NONE);
    }

    /** As above, telling {@code imports} of every file a Jsonnet import looks for (the repeat record). */
    static List<ProjectInput> load(CliContext context, List<ProjectSource> sources, JsonnetOptions jsonnet,
                                   ValidationOptions options, ImportWatcher imports) {
        ComponentRegistry registry = ComponentRegistry.defaultRegistry();
        LoadedProject loaded = new ProjectLoader(registry, jsonnet, context.in()).watchingImports(imports)
                .loadAll(sources);
        List<Problem> problems = new ProjectValidator(registry).validate(loaded, options);
        if (!problems.isEmpty()) {
            throw new ProblemException(problems);
        }
        List<ProjectInput> inputs = new ArrayList<>();
        for (LoadedFile file : loaded.files()) {
            Path path = file.source().path();
            // stdin has no directory: relative paths in it resolve against the working directory
            Path baseDir = path == null ? Path.of("").toAbsolutePath() : path.toAbsolutePath().getParent();
            inputs.add(new ProjectInput(file.deployable(), baseDir, file.display()));
        }
        return inputs;
    }

    /**
     * jsii for synthesizing {@code sources}, and their cache hint. {@code started} when the caller started it already
     * (with {@code --no-cache}, before even reading the files); else started now, overlapping the load, unless the
     * assembly cache likely serves these files ({@link CacheHints}): then only if it misses after all.
     */
    static Jsii jsii(AwsSynthOptions synth, List<ProjectSource> sources, CompletableFuture<Void> started) {
        return jsii(synth, sources, started, hints());
    }

    static Jsii jsii(AwsSynthOptions synth, List<ProjectSource> sources, CompletableFuture<Void> started,
                     CacheHints hints) {
        if (synth.noCache) {
            return new Jsii(started != null ? started : JsiiLifecycle.start(), Optional.empty());
        }
        Optional<String> hint = CacheHints.of(sources, VersionProvider.version());
        if (started != null) {
            return new Jsii(started, hint);
        }
        return new Jsii(hints.present(hint) ? null : JsiiLifecycle.start(), hint);
    }

    /**
     * jsii's start if {@code Main} began it ({@link EarlyJsii}), else begun now when {@code surely} (the command will
     * synthesize afresh whatever the files), else null (decided by {@link #jsii} once the files are known).
     */
    static CompletableFuture<Void> startedEarly(boolean surely) {
        CompletableFuture<Void> early = EarlyJsii.take();
        return early != null || !surely ? early : JsiiLifecycle.start();
    }

    /** jsii's start when begun (null: not yet), and the hint to record once the files' assembly is made or served. */
    record Jsii(CompletableFuture<Void> started, Optional<String> hint) {
    }

    /**
     * The assembly of {@code inputs} in {@code outdir}: copied from the user's assembly cache when an identical
     * synthesis is there (and {@code --no-cache} is not given), else synthesized and kept there. jsii starts only
     * for a fresh synthesis: {@code jsii} if it started already, else now.
     */
    static SynthResult synthesize(AwsSynthOptions synth, List<ProjectInput> inputs, SynthOptions options, Path outdir,
                                  Jsii jsii) {
        return synthesize(synth, inputs, options, outdir, jsii, cacheRoot(), key -> {
        });
    }

    /**
     * As above, with the assembly cache in {@code cacheRoot}; {@code cached} is told the key when the assembly came
     * from, or went into, the cache.
     */
    static SynthResult synthesize(AwsSynthOptions synth, List<ProjectInput> inputs, SynthOptions options, Path outdir,
                                  Jsii jsii, Path cacheRoot, Consumer<SynthKey> cached) {
        Supplier<SynthResult> fresh = () -> {
            long waiting = System.nanoTime();
            awaitJsii(jsii.started() != null ? jsii.started() : JsiiLifecycle.start());
            // what jsii's start (node, its modules) still took after loading: a phase of its own in the timings
            long waited = (System.nanoTime() - waiting) / 1_000_000;
            SynthResult result = AwsSynthesizer.synthesize(inputs, options, outdir);
            result.timings().addFirst(JSII_WAIT, waited);
            return result;
        };
        if (synth.noCache) {
            return fresh.get();
        }
        Map<String, String> environment = System.getenv();
        AssemblyCache cache = new AssemblyCache(cacheRoot);
        Optional<SynthKey> key = SynthKey.of(inputs, options, environment, VersionProvider.version(), cache.digests());
        SynthResult result = cache.synthesize(key, outdir, fresh);
        new CacheHints(cacheRoot).record(jsii.hint());
        key.ifPresent(cached);
        return result;
    }

    static Path cacheRoot() {
        return CdkLocator.defaultCacheRoot(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The user cache of {@code context}'s environment and home (the process's unless a test or embedder set them). */
    static Path cacheRoot(CliContext context) {
        return CdkLocator.defaultCacheRoot(context.environment(), context.home());
    }

    private static CacheHints hints() {
        return new CacheHints(cacheRoot());
    }

    /**
     * Time from launch to now: JVM start, class loading and option parsing. bin/cls records the launch in
     * {@code CLS_LAUNCH_MILLIS}; otherwise the process start time is used, which Linux knows only to the second.
     */
    static long sinceProcessStart() {
        String launch = System.getenv("CLS_LAUNCH_MILLIS");
        if (launch != null && launch.matches("\\d+")) {
            return System.currentTimeMillis() - Long.parseLong(launch);
        }
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
    }

    static void printNotes(CliContext context, SynthResult result) {
        for (String note : result.notes()) {
            context.err().println("note: " + note);
        }
        if (context.verbosity() > 0) {
            AwsSynthesizer.jsiiFallback().ifPresent(why -> context.err().println("note: " + why));
        }
    }

    /** Whether {@link #printTimings} prints: with {@code -v} or {@code CLS_TIMINGS} set. */
    static boolean timingsWanted(CliContext context) {
        return context.verbosity() > 0 || System.getenv(TIMINGS_VARIABLE) != null;
    }

    /** With {@code -v} or {@code CLS_TIMINGS} set: one line with every phase, for benchmarks and slow synths. */
    static void printTimings(CliContext context, Timings before, SynthResult result) {
        if (!timingsWanted(context)) {
            return;
        }
        long total = 0;
        StringBuilder line = new StringBuilder("timings:");
        List<Timings.Phase> phases = new ArrayList<>(before.phases());
        phases.addAll(result.timings().phases());
        for (Timings.Phase phase : phases) {
            line.append(' ').append(phase.name().replace(' ', '-')).append('=').append(phase.millis()).append("ms");
            total += phase.millis();
        }
        line.append(" total=").append(total).append("ms");
        context.err().println(line);
        context.err().flush();
    }

    /**
     * Waits for {@link io.clusterless.substrate.aws.synth.AwsSynthesizer#warmUp}; a missing {@code node} becomes a
     * one-line error saying what to install.
     */
    static void awaitJsii(CompletableFuture<Void> jsii) {
        try {
            jsii.join();
        } catch (CompletionException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                String message = String.valueOf(cause.getMessage());
                if (message.contains("Cannot run program") && message.contains("node")) {
                    throw new UserException("the AWS CDK runs in Node.js, and no 'node' was found on the PATH; "
                            + "install Node.js 20 or newer, or set JSII_NODE to the node executable");
                }
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    static void warnIfValidationOff(CliContext context, boolean validate) {
        if (validate && "false".equalsIgnoreCase(System.getenv("CDK_VALIDATION"))) {
            context.err().println("warning: --validate has no effect: CDK_VALIDATION=false is set in this "
                    + "environment (bin/cls sets it only without --validate)");
        }
    }
}

package io.clusterless.cli.command.local;

import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.options.ProjectOptions;
import io.clusterless.cli.output.OutputFormat;
import io.clusterless.cli.output.Printer;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.run.DatasetSummary;
import io.clusterless.local.run.LocalRunner;
import io.clusterless.local.run.RunOptions;
import io.clusterless.local.run.RunProgress;
import io.clusterless.model.Arc;
import io.clusterless.model.Deployable;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.shape.FieldPath;
import io.clusterless.model.validate.ProjectValidator;
import io.clusterless.model.validate.ValidationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code cls local run}: places projects in a local root and processes arrivals. */
@Command(name = "run",
        description = {"Place the projects in a local root and process files arriving in their boundaries' "
                + "folders (DIR/buckets/<bucket>/<key>) until stopped, or with --until-idle until nothing is left.",
                "Several projects given together run as one placement: an arc of one may read a dataset another "
                        + "writes, as when each is deployed.",
                "Prints a summary of every dataset's lots by state at the end. Exit code 0 when every arc run "
                        + "completed, 1 otherwise."},
        mixinStandardHelpOptions = true)
public final class LocalRunCommand implements Callable<Integer> {
    private final CliContext context;

    public LocalRunCommand(CliContext context) {
        this.context = context;
    }

    /** How long Ctrl-C waits for running arcs to finish and the summary to print. */
    private static final int STOP_GRACE_SECONDS = 60;

    @Mixin
    private ProjectOptions project;

    @Mixin
    private LocalRootOption localRoot;

    @Option(names = "--until-idle", description = "Stop once every file is handled, every interval that ended "
            + "since the first arrival is closed (empty ones too) and every arc run has finished.")
    private boolean untilIdle;

    @Option(names = "--parallelism", paramLabel = "N", description = "Arc runs at once (default: the number of cores).")
    private Integer parallelism;

    @Option(names = "--put", paramLabel = "DIR=s3://BUCKET/PREFIX/",
            description = "Before running, copy the files under DIR to the object URI (repeatable): how sample data "
                    + "gets into a landing folder. Placed files are dated one hour back, so their lots have "
                    + "ended and --until-idle processes them.")
    private List<String> puts = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        List<Deployable> deployables = load();
        LocalPlan plan;
        try {
            plan = LocalPlan.of(deployables);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        Path rootDir = localRoot.path();
        int threads = parallelism == null ? Runtime.getRuntime().availableProcessors() : parallelism;
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--parallelism must be at least 1, found: " + threads);
        }
        List<PutOption> parsedPuts = new ArrayList<>();
        for (String put : puts) {
            parsedPuts.add(PutOption.parse(put, spec));
        }
        Path projectDir = projectDir();
        RunOptions options = new RunOptions(rootDir, projectDir, untilIdle, threads, null);
        ProgressLine line = new ProgressLine(err, context.terminal() && context.output() == OutputFormat.table);
        Clock clock = context.clock();
        LocalRunner runner;
        try {
            runner = new LocalRunner(plan, options, clock);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        try (runner) {
            runner.notices().forEach(notice -> err.println("note: " + notice));
            plan.placementPlan().projects().forEach(project -> project.activities().forEach(activity ->
                    err.println("note: activity " + activity.model().getName() + " of " + project.names().project()
                            + " reads AWS services and is not run locally; its boundary runs on the files it would write")));
            for (PutOption put : parsedPuts) {
                int count = put.copyInto(runner.store(), clock);
                err.println("put " + count + " file" + (count == 1 ? "" : "s") + " from " + put.source()
                        + " to " + put.target());
            }
            err.flush();
            // Ctrl-C: finish the arc runs in progress and print the summary before the JVM exits
            CountDownLatch printed = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                runner.stop();
                try {
                    printed.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                runner.run(line::update);
                line.finish(runner.progress());
                new Printer(out, context.output()).print(DatasetSummary.of(plan, runner.store(), clock.instant()));
            } finally {
                printed.countDown();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
            RunProgress done = runner.progress();
            if (context.output() == OutputFormat.table) {
                err.println(done.line() + "; local root " + rootDir);
                int waiting = runner.waitingForInterval();
                if (waiting > 0) {
                    err.println(waiting + " object" + (waiting == 1 ? "" : "s")
                            + " wait for their interval to end; run again later to process them");
                }
                err.flush();
            }
            return done.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    private Path projectDir() {
        List<ProjectSource> sources = project.sources();
        for (ProjectSource source : sources) {
            if (source.path() != null) {
                Path parent = source.path().toAbsolutePath().getParent();
                return parent == null ? Path.of("").toAbsolutePath() : parent;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private List<Deployable> load() {
        ComponentRegistry registry = ComponentRegistry.defaultRegistry();
        ProjectLoader loader = new ProjectLoader(registry, project.jsonnet(), context.in());
        try {
            LoadedProject loaded = loader.loadAll(project.sources());
            // several projects are placed together as deploy places them one by one: each project's files are
            // validated together, and a source may be owned by another of the given projects
            Map<String, List<LoadedFile>> byProject = new LinkedHashMap<>();
            for (LoadedFile file : loaded.files()) {
                var id = file.deployable().getProject();
                byProject.computeIfAbsent(id == null ? "" : id.id(), k -> new ArrayList<>()).add(file);
            }
            boolean several = byProject.size() > 1;
            List<Problem> problems = new ArrayList<>();
            for (List<LoadedFile> files : byProject.values()) {
                problems.addAll(new ProjectValidator(registry).validate(new LoadedProject(files),
                        several ? new ValidationOptions(true, true) : ValidationOptions.offline()));
            }
            if (several && problems.isEmpty()) {
                problems.addAll(unownedSources(loaded));
            }
            if (!problems.isEmpty()) {
                throw new UserException(problems.get(0).format()
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more; see cls validate)" : ""));
            }
            return loaded.deployables();
        } catch (ProblemException e) {
            throw new UserException(e.problems().get(0).format());
        }
    }

    /** Arc sources that no boundary or arc of the given projects writes: nothing in the run would ever fill them. */
    private static List<Problem> unownedSources(LoadedProject loaded) {
        Set<String> owned = new HashSet<>();
        for (LoadedFile file : loaded.files()) {
            file.deployable().getBoundaries().forEach(boundary -> owned.add(boundary.getDataset().id()));
            file.deployable().getArcs().forEach(arc -> arc.getSinks().values().forEach(sink -> owned.add(sink.id())));
        }
        List<Problem> problems = new ArrayList<>();
        for (LoadedFile file : loaded.files()) {
            List<Arc<?>> arcs = file.deployable().getArcs();
            for (int i = 0; i < arcs.size(); i++) {
                for (Map.Entry<String, SourceDataset> source : arcs.get(i).getSources().entrySet()) {
                    if (!owned.contains(source.getValue().id())) {
                        problems.add(file.problem(FieldPath.of("arcs", i, "sources", source.getKey()),
                                "dataset owner not found: " + source.getValue().id() + "; no boundary dataset or "
                                        + "arc sink of the given projects produces it (check name and version, or "
                                        + "add the owning project's file with another -p)"));
                    }
                }
            }
        }
        return problems;
    }
}

package io.clusterless.cli.command.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.options.AwsConnectionOptions;
import io.clusterless.engine.location.S3Location;
import io.clusterless.local.scenario.Scenario;
import io.clusterless.local.scenario.ScenarioCheck;
import io.clusterless.local.scenario.ScenarioOptions;
import io.clusterless.local.scenario.ScenarioResult;
import io.clusterless.local.scenario.ScenarioRunner;
import io.clusterless.model.Deployable;
import io.clusterless.model.load.JsonnetOptions;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.naming.PlacementNames;
import io.clusterless.substrate.aws.scenario.ScenarioStores;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs scenario files against AWS, as the original's runner did: for every scenario {@code cls verify}, {@code cls
 * deploy}, the ingress objects put {@code uploadDelaySec} apart, each watched store polled every
 * {@code pollingSleepSec} until it holds {@code objectCount} objects (or partitions) or {@code timeoutSec} has passed,
 * then {@code cls destroy}. Placements not bootstrapped yet are bootstrapped first and, once every project is
 * destroyed again, their bootstrap too; a placement that was bootstrapped before is left as it was. A failed scenario
 * stays deployed, as the original left it, for its evidence. Each cls step runs in this process with
 * {@code -D common.resource.removeAllOnDestroy=true}, its output appended to {@code NAME.out.log} and
 * {@code NAME.err.log} in the log folder.
 */
final class AwsScenarioRunner {
    /** What every cls step is given, as the original gave it. */
    private static final List<String> PROPERTIES = List.of("-D", "common.resource.removeAllOnDestroy=true",
            "-D", "aws.cdk.requireDeployApproval=never", "-D", "aws.cdk.requireDestroyApproval=false");

    /** Waits between uploads and polls; a test may count them instead. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final CliContext context;
    private final AwsConnectionOptions connection;
    private final ScenarioOptions options;
    private final Path logs;
    private final Sleeper sleeper;
    private final ScenarioRunner reader;
    private final boolean deployDestroyOnly;
    private final boolean verifyOnDryRun;
    /** The AWS calls between the cls steps. */
    private final ScenarioStores stores;

    /**
     * @param deployDestroyOnly the original's option: verify, deploy and destroy, without ingress or watching
     * @param verifyOnDryRun    the original's option: a dry run also runs {@code cls verify}
     */
    AwsScenarioRunner(CliContext context, AwsConnectionOptions connection, ScenarioOptions options, Path logs,
                      Sleeper sleeper, boolean deployDestroyOnly, boolean verifyOnDryRun) {
        this.deployDestroyOnly = deployDestroyOnly;
        this.verifyOnDryRun = verifyOnDryRun;
        this.context = context;
        this.connection = connection;
        this.options = options;
        this.logs = logs;
        this.sleeper = sleeper;
        this.reader = new ScenarioRunner(logs, 1, java.time.Clock.systemUTC(), options);
        this.stores = new ScenarioStores(connection.connection(), context.environment());
    }

    /** A scenario as read, with its project files and their placements; or why it cannot run. */
    private record Prepared(Path file, String name, Scenario scenario, List<Path> projectFiles,
                            Set<PlacementNames> placements, ScenarioResult result) {
        boolean runs() {
            return result == null;
        }
    }

    List<ScenarioResult> runAll(List<Path> files) throws InterruptedException {
        List<Prepared> prepared = files.stream().map(this::prepare).toList();
        List<ScenarioResult> results = new ArrayList<>();
        Set<PlacementNames> placements = new LinkedHashSet<>();
        prepared.stream().filter(Prepared::runs).forEach(p -> placements.addAll(p.placements()));
        if (options.dryRun() || options.verifyOnly()) {
            for (Prepared scenario : prepared) {
                results.add(scenario.runs() ? (options.verifyOnly() ? verifyOnly(scenario) : plan(scenario))
                        : scenario.result());
            }
            return results;
        }
        List<PlacementNames> bootstrapped = new ArrayList<>();
        String bootstrapFailure = null;
        for (PlacementNames placement : placements) {
            if (isBootstrapped(placement)) {
                continue;
            }
            Step step = cls("bootstrap-" + label(placement), bootstrapArgs(placement, false));
            if (!step.ok()) {
                bootstrapFailure = "bootstrap of " + label(placement) + " failed: " + step;
                break;
            }
            bootstrapped.add(placement);
        }
        boolean stopped = false;
        boolean allDestroyed = true;
        for (Prepared scenario : prepared) {
            if (!scenario.runs()) {
                results.add(scenario.result());
                stopped = options.stopOnFailure() && scenario.result().failed();
                continue;
            }
            if (bootstrapFailure != null || stopped) {
                results.add(new ScenarioResult(scenario.name(), bootstrapFailure != null ? "failed" : "skipped",
                        bootstrapFailure != null ? bootstrapFailure
                                : "not run: an earlier scenario failed and --stop-on-failure is set"));
                continue;
            }
            Ran ran = run(scenario);
            results.add(ran.result());
            allDestroyed &= !ran.leftDeployed();
            stopped = options.stopOnFailure() && ran.result().failed();
        }
        if (!options.disableDestroy() && allDestroyed) {
            for (PlacementNames placement : bootstrapped) {
                Step step = cls("bootstrap-" + label(placement), bootstrapArgs(placement, true));
                if (!step.ok()) {
                    context.err().println("cls: the bootstrap of " + label(placement) + " this run made was not "
                            + "removed: " + step);
                }
            }
        } else if (!bootstrapped.isEmpty()) {
            context.err().println("cls: the bootstraps this run made stay: " + String.join(", ",
                    bootstrapped.stream().map(AwsScenarioRunner::label).toList()));
        }
        context.err().flush();
        return results;
    }

    private Prepared prepare(Path file) {
        Scenario scenario;
        try {
            scenario = reader.read(file);
        } catch (ProblemException e) {
            return failed(file, ScenarioRunner.displayName(file), e.problems().get(0).format());
        } catch (IOException e) {
            return failed(file, ScenarioRunner.displayName(file), file + ": unreadable scenario: " + e.getMessage());
        }
        String name = scenario.name() == null ? ScenarioRunner.displayName(file) : scenario.name();
        if (!scenario.isEnabled()) {
            return new Prepared(file, name, scenario, List.of(), Set.of(),
                    new ScenarioResult(name, "skipped", "disabled"));
        }
        List<String> problems = new ArrayList<>(ScenarioCheck.problems(file, scenario));
        Path dir = file.toAbsolutePath().getParent();
        List<Path> projectFiles = new ArrayList<>();
        for (String projectFile : scenario.projectFiles()) {
            Path path = ScenarioRunner.projectFile(dir, projectFile);
            if (!Files.isRegularFile(path)) {
                problems.add(file + ": projectFiles names " + projectFile + ", but there is no file " + path);
            }
            projectFiles.add(path);
        }
        if (!problems.isEmpty()) {
            return failed(file, name, String.join("; ", problems));
        }
        Set<PlacementNames> placements = new LinkedHashSet<>();
        try {
            List<Deployable> deployables = new ProjectLoader(io.clusterless.model.component.ComponentRegistry
                    .defaultRegistry(), new JsonnetOptions(options.extStrs(), options.jpaths()),
                    InputStream.nullInputStream()).loadAll(projectFiles.stream().map(ProjectSource::file).toList())
                    .deployables();
            for (Deployable deployable : deployables) {
                if (deployable.getPlacement() == null) {
                    return failed(file, name, deployable.getProject().id() + " has no placement (account and "
                            + "region); a scenario on AWS deploys it there");
                }
                placements.add(PlacementNames.of(deployable.getPlacement()));
            }
        } catch (ProblemException e) {
            return failed(file, name, e.problems().get(0).format());
        }
        return new Prepared(file, name, scenario, projectFiles, placements, null);
    }

    private static Prepared failed(Path file, String name, String detail) {
        return new Prepared(file, name, null, List.of(), Set.of(), new ScenarioResult(name, "failed", detail));
    }

    private ScenarioResult verifyOnly(Prepared scenario) {
        Step verify = cls(scenario.name(), projectArgs("verify", scenario));
        return verify.ok() ? new ScenarioResult(scenario.name(), "verified", "cls verify passed")
                : new ScenarioResult(scenario.name(), "failed", "cls verify " + verify);
    }

    private ScenarioResult plan(Prepared scenario) {
        List<String> lines = new ArrayList<>();
        if (verifyOnDryRun) {
            Step verify = cls(scenario.name(), projectArgs("verify", scenario));
            if (!verify.ok()) {
                return new ScenarioResult(scenario.name(), "failed", "cls verify " + verify);
            }
            lines.add("cls verify passed");
        }
        for (PlacementNames placement : scenario.placements()) {
            lines.add("would bootstrap " + label(placement) + " unless it is");
        }
        lines.add("would run cls verify, cls deploy");
        for (Scenario.IngressStore store : deployDestroyOnly ? List.<Scenario.IngressStore>of()
                : scenario.scenario().ingressStores()) {
            lines.add("would put " + store.objectCount() + " objects " + store.uploadDelaySec() + " s apart to "
                    + store.path() + " (first " + String.format(store.objectName(), 1, 0L) + ")");
        }
        for (Scenario.WatchedStore watched : deployDestroyOnly ? List.<Scenario.WatchedStore>of()
                : scenario.scenario().watchedStores()) {
            lines.add("would wait up to " + watched.timeoutSec() + " s for " + watched.objectCount()
                    + (ScenarioRunner.isGlue(watched) ? " partitions in " : " objects under ") + watched.path());
        }
        lines.add("would run cls destroy");
        return new ScenarioResult(scenario.name(), "planned", String.join("; ", lines));
    }

    /** How a scenario ended, and whether its projects are still deployed (its placement's bootstrap then stays). */
    private record Ran(ScenarioResult result, boolean leftDeployed) {
        static Ran deployed(String name, String result, String detail) {
            return new Ran(new ScenarioResult(name, result, detail), true);
        }
    }

    private Ran run(Prepared scenario) throws InterruptedException {
        String name = scenario.name();
        Step verify = cls(name, projectArgs("verify", scenario));
        if (!verify.ok()) {
            return new Ran(new ScenarioResult(name, "failed", "cls verify " + verify), false);
        }
        List<String> deployArgs = projectArgs("deploy", scenario);
        deployArgs.addAll(List.of("--approve", "--retry"));
        Step deploy = cls(name, deployArgs);
        if (!deploy.ok()) {
            return Ran.deployed(name, "failed", "cls deploy " + deploy + "; stays deployed as far as it got");
        }
        PlacementNames first = scenario.placements().iterator().next();
        List<String> counts = new ArrayList<>();
        if (deployDestroyOnly) {
            counts.add("deployed (--deploy-destroy-only: no ingress, no watch)");
        }
        try {
            if (deployDestroyOnly) {
                return destroy(scenario, counts);
            }
            for (Scenario.IngressStore store : scenario.scenario().ingressStores()) {
                ingress(store, first);
            }
            for (Scenario.WatchedStore watched : scenario.scenario().watchedStores()) {
                long count = watch(watched, first);
                counts.add(watched.path() + " " + count + "/" + watched.objectCount());
                if (count < watched.objectCount()) {
                    return Ran.deployed(name, "failed", watched.path() + " holds " + count + " of the "
                            + watched.objectCount() + " expected after " + watched.timeoutSec() + " s; "
                            + String.join(", ", counts) + "; stays deployed (cls destroy removes it)");
                }
            }
        } catch (RuntimeException e) {
            return Ran.deployed(name, "failed", e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "; stays deployed (cls destroy removes it)");
        }
        return destroy(scenario, counts);
    }

    private Ran destroy(Prepared scenario, List<String> counts) {
        String name = scenario.name();
        if (options.disableDestroy()) {
            return Ran.deployed(name, "passed", String.join(", ", counts) + "; stays deployed "
                    + "(--disable-destroy)");
        }
        List<String> destroyArgs = projectArgs("destroy", scenario);
        destroyArgs.addAll(List.of("--approve", "--retry"));
        Step destroy = cls(name, destroyArgs);
        if (!destroy.ok()) {
            return Ran.deployed(name, "failed", String.join(", ", counts) + "; cls destroy " + destroy
                    + "; stays deployed");
        }
        return new Ran(new ScenarioResult(name, "passed", String.join(", ", counts) + "; destroyed"), false);
    }

    /** The original's ingress: each object after the first {@code uploadDelaySec} later, named for its time. */
    private void ingress(Scenario.IngressStore store, PlacementNames placement) throws InterruptedException {
        S3Location location = S3Location.parse(store.path().endsWith("/") ? store.path() : store.path() + "/");
        String region = region(store.region(), placement);
        byte[] body = store.body();
        for (int iteration = 1; iteration <= store.objectCount(); iteration++) {
            if (iteration > 1) {
                sleeper.sleep(store.uploadDelaySec() * 1000L);
            }
            String key = location.prefix() + String.format(store.objectName(), iteration,
                    System.currentTimeMillis());
            stores.put(region, location.bucket(), key, body);
        }
    }

    /**
     * Polls until the store holds {@code objectCount}, at most {@code timeoutSec / pollingSleepSec} waits (counted,
     * not timed, so a slow poll never turns a pass into a failure); the last count.
     */
    private long watch(Scenario.WatchedStore watched, PlacementNames placement) throws InterruptedException {
        long polls = watched.pollingSleepSec() <= 0 ? 1 : watched.timeoutSec() / watched.pollingSleepSec();
        long count = count(watched, placement);
        for (long poll = 0; poll < polls && count < watched.objectCount(); poll++) {
            sleeper.sleep(watched.pollingSleepSec() * 1000L);
            count = count(watched, placement);
        }
        return count;
    }

    private long count(Scenario.WatchedStore watched, PlacementNames placement) {
        String region = region(watched.region(), placement);
        if (ScenarioRunner.isGlue(watched)) {
            // glue://catalog/db/table or glue:///db/table: the last two segments name the table
            String[] parts = watched.path().replaceFirst("^glue://[^/]*/", "").split("/");
            return stores.partitions(region, parts[parts.length - 2], parts[parts.length - 1]);
        }
        S3Location location = S3Location.parse(watched.path().endsWith("/") ? watched.path() : watched.path() + "/");
        return stores.objects(region, location.bucket(), location.prefix());
    }

    private static String region(String region, PlacementNames placement) {
        return region != null ? region : placement.region();
    }

    private boolean isBootstrapped(PlacementNames placement) {
        return stores.bootstrapped(placement);
    }

    private List<String> bootstrapArgs(PlacementNames placement, boolean destroy) {
        List<String> args = new ArrayList<>(List.of("bootstrap", "--account", placement.account(), "--region",
                placement.region()));
        if (placement.stage() != null) {
            args.addAll(List.of("--stage", placement.stage()));
        }
        if (destroy) {
            args.add("--destroy");
        }
        args.addAll(List.of("--approve", "--retry"));
        args.addAll(connectionArgs());
        return args;
    }

    private List<String> projectArgs(String command, Prepared scenario) {
        List<String> args = new ArrayList<>(List.of(command));
        scenario.projectFiles().forEach(file -> args.add(file.toString()));
        options.extStrs().forEach((key, value) -> args.addAll(List.of("--ext-str", key + "=" + value)));
        options.jpaths().forEach(dir -> args.addAll(List.of("--jpath", dir.toString())));
        args.addAll(connectionArgs());
        return args;
    }

    private List<String> connectionArgs() {
        List<String> args = new ArrayList<>();
        if (connection.profile() != null) {
            args.addAll(List.of("--profile", connection.profile()));
        }
        if (connection.endpointUrl() != null) {
            args.addAll(List.of("--endpoint-url", connection.endpointUrl().toString()));
        }
        return args;
    }

    /** How one cls step ended, and where its output is. */
    private record Step(List<String> args, int exit, String lastError, Path errLog) {
        boolean ok() {
            return exit == 0;
        }

        @Override
        public String toString() {
            return "exited with " + exit + (lastError.isEmpty() ? "" : " (" + lastError + ")") + "; see " + errLog;
        }
    }

    /** Runs one cls command line in this process, its output appended to the scenario's logs. */
    private Step cls(String logName, List<String> args) {
        List<String> all = new ArrayList<>(PROPERTIES);
        context.properties().forEach((key, value) -> all.addAll(List.of("-D", key + "=" + value)));
        all.addAll(List.of("--output", "json"));
        all.addAll(args);
        Path outLog = logs.resolve(logName + ".out.log");
        Path errLog = logs.resolve(logName + ".err.log");
        context.err().println("cls: scenario " + logName + ": cls " + String.join(" ", args));
        context.err().flush();
        try {
            Files.createDirectories(logs);
            long errStart = Files.exists(errLog) ? Files.size(errLog) : 0;
            int exit;
            try (PrintWriter out = writer(outLog); PrintWriter err = writer(errLog)) {
                err.println("$ cls " + String.join(" ", all));
                CliContext child = new CliContext(out, err, InputStream.nullInputStream())
                        .directories(context.workingDirectory(), context.home())
                        .environment(context.environment()).terminal(false);
                exit = context.runCommand(child, all.toArray(String[]::new));
            }
            return new Step(args, exit, lastErrorLine(errLog, errStart), errLog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scenario logs in " + logs, e);
        }
    }

    private static PrintWriter writer(Path file) throws IOException {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(file.toFile(), true),
                StandardCharsets.UTF_8), true);
    }

    private static String lastErrorLine(Path errLog, long from) throws IOException {
        String text = Files.readString(errLog, StandardCharsets.UTF_8);
        String written = text.substring((int) Math.min(from, text.length()));
        List<String> lines = written.lines().filter(line -> line.startsWith("error:")).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static String label(PlacementNames placement) {
        return placement.account() + "-" + placement.region() + "-"
                + (placement.stage() == null ? "none" : placement.stage());
    }
}

package io.clusterless.cli.command.scenario;

import io.clusterless.cli.command.local.LocalRootOption;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.options.AwsConnectionOptions;
import io.clusterless.cli.options.SubstrateOptions;
import io.clusterless.cli.output.Printer;
import io.clusterless.local.scenario.ScenarioOptions;
import io.clusterless.local.scenario.ScenarioResult;
import io.clusterless.local.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code cls scenario run PATH}: runs scenario files on the local substrate, or with {@code -P aws} on AWS. */
@Command(name = "run",
        description = {"Run every scenario.json or scenario.jsonnet at or under PATH on the local substrate: place "
                + "its projectFiles in a fresh local root (DIR/scenarios/<name>), write its ingressStores' objects, "
                + "process until idle, then count its watchedStores; a passed scenario's local root is removed.",
                "Fields the original's scenario runner defaulted have its defaults (objectName data-%04d-%d.txt, "
                + "objectCount 3, uploadDelaySec 300, record value %d,value, watchType s3); a projectFiles entry "
                + "x.json that does not exist is read from x.jsonnet beside it.",
                "With -P aws, as the original: each scenario's projects verified and deployed (placements not "
                        + "bootstrapped yet are bootstrapped first, and removed again at the end), its ingress "
                        + "objects put uploadDelaySec apart, its watched stores polled every pollingSleepSec for up "
                        + "to timeoutSec, then destroyed; a failed scenario stays deployed. Each cls step's output "
                        + "goes to DIR/scenarios/logs (DIR: --local-root).",
                "Exit code: the number of failed scenarios."},
        mixinStandardHelpOptions = true)
public final class ScenarioRunCommand implements Callable<Integer> {
    private final CliContext context;

    public ScenarioRunCommand(CliContext context) {
        this.context = context;
    }

    @Parameters(paramLabel = "PATH", arity = "0..1",
            description = "A scenario.json or scenario.jsonnet, or a folder searched for them.")
    private Path path;

    @Option(names = {"-f", "--scenarios"}, paramLabel = "PATH", description = "The same as PATH (the original's form).")
    private Path scenarios;

    @Option(names = "--ext-str", paramLabel = "KEY=VALUE",
            description = "External variable for .jsonnet scenario and project files, read with std.extVar(\"KEY\") "
                    + "(repeatable).")
    private Map<String, String> extStrs = new LinkedHashMap<>();

    @Option(names = "--jpath", paramLabel = "DIR",
            description = "A folder Jsonnet imports may read besides the importing file's own (repeatable).")
    private List<Path> jpaths = new ArrayList<>();

    @Option(names = "--stop-on-failure", description = "Run no further scenario once one has failed.")
    private boolean stopOnFailure;

    @Option(names = "--dry-run", description = "Load and check every scenario and its projects and print what would "
            + "be written and watched; run nothing.")
    private boolean dryRun;

    @Option(names = "--verify-only", description = "Only load and validate the scenarios' project files.")
    private boolean verifyOnly;

    @Option(names = "--disable-destroy", description = "Keep each passed scenario's local root (a failed one's is "
            + "always kept).")
    private boolean disableDestroy;

    @Option(names = "--deploy-destroy-only", description = "With -P aws: verify, deploy and destroy each "
            + "scenario's projects, without ingress or watching; locally the same as --verify-only.")
    private boolean deployDestroyOnly;

    @Option(names = "--verify-on-dry-run", description = "With --dry-run and -P aws: run cls verify on each "
            + "scenario's projects too (a local dry run always validates them).")
    private boolean verifyOnDryRun;

    @Option(names = "--cls-app", paramLabel = "PATH", hidden = true,
            description = "The original's path to cls; steps run in this process, so it is read and ignored.")
    private Path clsApp;

    @Mixin
    private LocalRootOption localRoot;

    @Option(names = {"-P", "--providers"}, paramLabel = "PROVIDER", defaultValue = "local",
            description = "Where the scenarios run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private SubstrateOptions.Substrate provider;

    @Mixin
    private AwsConnectionOptions aws = new AwsConnectionOptions();

    @Option(names = "--parallelism", paramLabel = "N", description = "Arc runs at once (default: the number of cores).")
    private Integer parallelism;


    @Override
    public Integer call() {
        if (path != null && scenarios != null && !path.equals(scenarios)) {
            throw new UserException("give the scenarios once: PATH " + path + " and --scenarios " + scenarios
                    + " differ");
        }
        Path where = path != null ? path : scenarios;
        if (where == null) {
            throw new UserException("give a scenario file or folder: cls scenario run PATH");
        }
        List<Path> files;
        try {
            files = ScenarioRunner.find(where);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (files.isEmpty()) {
            throw new UserException("no scenario.json or scenario.jsonnet at or under " + where);
        }
        if (provider == SubstrateOptions.Substrate.aws) {
            ScenarioOptions awsOptions = new ScenarioOptions(extStrs, dryRun, verifyOnly, disableDestroy,
                    stopOnFailure, jpaths.stream().map(dir -> context.workingDirectory().resolve(dir)).toList());
            List<ScenarioResult> results;
            try {
                results = new AwsScenarioRunner(context, aws, awsOptions,
                        localRoot.path().resolve("scenarios").resolve("logs"), Thread::sleep, deployDestroyOnly,
                        verifyOnDryRun).runAll(files);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e); // Main reports it as an interruption
            }
            new Printer(context.out(), context.output()).print(results);
            return (int) results.stream().filter(ScenarioResult::failed).count();
        }
        int threads = parallelism == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, parallelism);
        ScenarioOptions options = new ScenarioOptions(extStrs, dryRun, verifyOnly || deployDestroyOnly,
                disableDestroy, stopOnFailure,
                jpaths.stream().map(dir -> context.workingDirectory().resolve(dir)).toList());
        ScenarioRunner runner = new ScenarioRunner(localRoot.path().resolve("scenarios"), threads, Clock.systemUTC(),
                options);
        List<ScenarioResult> results = runner.runAll(files);
        new Printer(context.out(), context.output()).print(results);
        return (int) results.stream().filter(ScenarioResult::failed).count();
    }
}

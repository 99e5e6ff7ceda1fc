package io.clusterless.cli.command.scenario;

import io.clusterless.cli.ClsCommand;
import io.clusterless.cli.UserException;
import io.clusterless.cli.command.local.LocalRootOption;
import io.clusterless.cli.output.Printer;
import io.clusterless.local.scenario.ScenarioResult;
import io.clusterless.local.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cls scenario run PATH}: runs scenario files on the local substrate. */
@Command(name = "run",
        description = {"Run every scenario.json at or under PATH on the local substrate: place its projectFiles in a "
                + "fresh local root (DIR/scenarios/<name>), write its ingressStores' objects, process until idle, "
                + "then count its watchedStores.",
                "Exit code: the number of failed scenarios."},
        mixinStandardHelpOptions = true)
public final class ScenarioRunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "A scenario.json, or a folder searched for them.")
    private Path path;

    @Mixin
    private LocalRootOption localRoot;

    @Option(names = "--parallelism", paramLabel = "N", description = "Arc runs at once (default: the number of cores).")
    private Integer parallelism;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ClsCommand root = (ClsCommand) spec.parent().parent().userObject();
        List<Path> files;
        try {
            files = ScenarioRunner.find(path);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (files.isEmpty()) {
            throw new UserException("no scenario.json at or under " + path);
        }
        int threads = parallelism == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, parallelism);
        ScenarioRunner runner = new ScenarioRunner(localRoot.path().resolve("scenarios"), threads, Clock.systemUTC());
        List<ScenarioResult> results = new ArrayList<>();
        for (Path file : files) {
            results.add(runner.run(file));
        }
        new Printer(root.context().out(), root.context().output()).print(results);
        return (int) results.stream().filter(ScenarioResult::failed).count();
    }
}

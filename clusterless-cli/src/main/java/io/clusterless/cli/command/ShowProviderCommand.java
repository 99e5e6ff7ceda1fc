package io.clusterless.cli.command;

import io.clusterless.cli.options.SubstrateOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code cls show provider --list}: the substrates a placement can live on, one per line, sorted (as the original). */
@Command(name = "provider", description = "List the providers (substrates) projects can be placed on: aws, and "
        + "local (cls local run).", mixinStandardHelpOptions = true)
public final class ShowProviderCommand implements Callable<Integer> {
    @ParentCommand
    ShowCommand show;

    @Option(names = "--list", description = "List the names, one per line (the default).")
    boolean list;

    @Override
    public Integer call() {
        Arrays.stream(SubstrateOptions.Substrate.values()).map(Enum::name).sorted()
                .forEach(show.context.out()::println);
        return 0;
    }
}

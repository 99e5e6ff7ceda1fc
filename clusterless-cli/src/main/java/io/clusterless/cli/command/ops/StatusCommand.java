package io.clusterless.cli.command.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cls status arcs|datasets}. The status reports are their own classes so they can also be attached as
 * {@code cls arcs status} and {@code cls datasets status} beside the plain listings (reference §2.3).
 */
@Command(name = "status",
        description = "Arc and dataset status in a time window (reference §2.7).",
        mixinStandardHelpOptions = true,
        subcommands = {ArcsStatusCommand.class, DatasetsStatusCommand.class})
public final class StatusCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(OperatedPlacement.root(spec).context().out());
    }
}

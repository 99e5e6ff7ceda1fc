package io.clusterless.cli.command.local;

import picocli.CommandLine.Command;

/** {@code cls local}: run projects on this machine, without AWS. */
@Command(name = "local",
        description = "Run projects on this machine: objects are files under a local root, events go through an "
                + "in-process bus with the stacks' own rules, arcs run the same gates and workloads as in AWS.",
        mixinStandardHelpOptions = true,
        subcommands = {LocalRunCommand.class})
public final class LocalCommand {
}

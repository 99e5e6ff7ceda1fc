package io.clusterless.cli.command.scenario;

import picocli.CommandLine.Command;

/** {@code cls scenario}: end-to-end scenarios of projects. */
@Command(name = "scenario", description = "Run end-to-end scenarios (scenario.json files) of projects.",
        mixinStandardHelpOptions = true, subcommands = {ScenarioRunCommand.class})
public final class ScenarioCommand {
}

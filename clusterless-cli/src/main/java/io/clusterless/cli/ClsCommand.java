package io.clusterless.cli;

import io.clusterless.cli.command.BootstrapCommand;
import io.clusterless.cli.command.ConfigCommand;
import io.clusterless.cli.command.DeployCommand;
import io.clusterless.cli.command.DestroyCommand;
import io.clusterless.cli.command.DiffCommand;
import io.clusterless.cli.command.ReportCommands;
import io.clusterless.cli.command.SchemaCommand;
import io.clusterless.cli.command.ShowCommand;
import io.clusterless.cli.command.SynthCommand;
import io.clusterless.cli.command.ValidateCommand;
import io.clusterless.cli.command.VerifyCommand;
import io.clusterless.cli.command.local.LocalCommand;
import io.clusterless.cli.command.ops.DisableCommand;
import io.clusterless.cli.command.ops.EnableCommand;
import io.clusterless.cli.command.ops.ExecCommand;
import io.clusterless.cli.command.ops.FreshnessCommand;
import io.clusterless.cli.command.ops.GapsCommand;
import io.clusterless.cli.command.ops.GraphCommand;
import io.clusterless.cli.command.ops.ReportCommand;
import io.clusterless.cli.command.ops.UiCommand;
import io.clusterless.cli.command.scenario.ScenarioCommand;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.VersionProvider;
import io.clusterless.cli.options.SubstrateOptions;
import io.clusterless.cli.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

import java.util.List;
import java.util.Map;

/** The root {@code cls} command: global options and the command list. */
@Command(name = "cls",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "clusterless: deploy and operate event-driven data pipelines for continuously arriving data.",
        description = {
                "Reads project files (JSON with comments, YAML or Jsonnet) into one model, validates it, and places "
                        + "it on AWS or on the local substrate.",
                ""},
        footer = {"",
                "Exit codes: 0 success, 1 failure (invalid project, failed operation), 2 usage error.",
                "Run 'cls COMMAND --help' for a command's options."})
public final class ClsCommand implements Runnable {
    /**
     * The commands under {@code cls}, in the order help lists them. Not in {@code @Command(subcommands)}: picocli
     * would build every command's options for each run, most of a short command's start-up; {@link Main} adds only
     * the invoked command's branch when the command line names one ({@link InvokedCommand}).
     */
    static final List<Class<?>> COMMANDS = List.of(
            ValidateCommand.class,
            LocalCommand.class,
            ScenarioCommand.class,
            SynthCommand.class,
            VerifyCommand.class,
            BootstrapCommand.class,
            DeployCommand.class,
            DiffCommand.class,
            DestroyCommand.class,
            ReportCommands.Placements.class,
            ReportCommands.Projects.class,
            ReportCommands.Arcs.class,
            ReportCommands.Datasets.class,
            ShowCommand.class,
            GapsCommand.class,
            FreshnessCommand.class,
            GraphCommand.class,
            ReportCommand.class,
            UiCommand.class,
            ExecCommand.class,
            EnableCommand.class,
            DisableCommand.class,
            SchemaCommand.class,
            CompletionCommand.class,
            ConfigCommand.class,
            CommandLine.HelpCommand.class);

    private final CliContext context;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public ClsCommand(CliContext context) {
        this.context = context;
    }

    public CliContext context() {
        return context;
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More detail; repeat for more (-vv). Failures then include stack traces.")
    void setVerbose(boolean[] verbose) {
        context.setVerbosity(verbose.length);
    }

    @Option(names = "--output", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Output format of reports: ${COMPLETION-CANDIDATES} (default: table).")
    void setOutput(OutputFormat output) {
        context.setOutput(output);
    }

    @Option(names = {"-D", "--property"}, scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE",
            description = "Configuration override, e.g. -D common.resource.removeAllOnDestroy=true (repeatable).")
    void setProperties(Map<String, String> properties) {
        context.properties().putAll(properties);
    }

    /**
     * The original's global {@code -P/--providers}, as in its {@code cls --providers aws bootstrap …}: the default of
     * the command's own {@code -P} (see {@link ProviderDefault}).
     */
    @Option(names = {"-P", "--providers"}, paramLabel = "PROVIDER",
            description = "Where the command works: ${COMPLETION-CANDIDATES} (the original's global option; the "
                    + "same as the command's own -P, which wins).")
    SubstrateOptions.Substrate provider;

    public SubstrateOptions.Substrate provider() {
        return provider;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }
}

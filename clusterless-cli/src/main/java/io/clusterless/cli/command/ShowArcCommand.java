package io.clusterless.cli.command;

import io.clusterless.model.component.ComponentKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * {@code cls show arc}: with {@code --list}, {@code --model}, {@code --describe}… the arc component types, as in the
 * original (reference §2.3); without them the deployed arcs ({@code cls show arc [NAME]}, {@code cls show arcs}).
 */
@Command(name = "arc", aliases = "arcs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Arc component types (with --list, --model, --describe, --model-all or --describe-all); "
                + "otherwise the deployed arcs: type, sources and sinks, whether their listener is enabled "
                + "(cls disable|enable, with the reason given), and their newest lot with its arc state.", ""},
        footer = {"", ShowDeployedCommands.JSON_FOOTER, "", "Examples:", "  cls show arc --list",
                "  cls show arcs --deployed CopyChain", "  cls show arc copyA --output json",
                "", "Exit codes: 0 shown, 1 nothing deployed or no such arc, 2 usage error."})
final class ShowArcCommand extends ShowCommand.ComponentBase {
    @Parameters(paramLabel = "NAME", arity = "0..1", description = "Only the deployed arc of this name.")
    String name;

    @Mixin
    ReportCommands.Filters filters;

    @Mixin
    DeployedFilter deployed;

    @Option(names = "--wide", description = "Deployed arcs: every field as a column (flattened), instead of the "
            + "narrow table or, with NAME, the card.")
    boolean wide;

    @Override
    List<ComponentKind> kinds() {
        return List.of(ComponentKind.ARC);
    }

    @Override
    public Integer call() throws Exception {
        if (selection != null && name != null) {
            throw new ParameterException(baseSpec.commandLine(), "NAME (" + name + ") is a deployed arc; arc "
                    + "component types are named with --model or --describe");
        }
        return super.call();
    }

    @Override
    Integer unselected() {
        return ShowDeployed.show(show.context, filters, wide, ShowDeployedCommands.arcs(name, deployed), name,
                deployed.projects().stream().map(p -> "of project " + p).toList());
    }
}

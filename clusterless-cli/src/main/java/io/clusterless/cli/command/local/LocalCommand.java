package io.clusterless.cli.command.local;

import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.options.ProjectOptions;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.workload.batch.BatchArcScript;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.validate.ProjectValidator;
import io.clusterless.model.validate.ValidationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code cls local}: run projects on this machine, without AWS ({@code cls local run}); and, as the original's
 * {@code cls local -p F -a ARC -l LOT}, print the script that runs one batchExecArc for one lot by hand.
 */
@Command(name = "local",
        description = {"Run projects on this machine: objects are files under a local root, events go through an "
                + "in-process bus with the stacks' own rules, arcs run the same gates and workloads as in AWS "
                + "(cls local run).",
                "With -a ARC -l LOT (the original's form): print a bash script that runs that batchExecArc's "
                        + "command for that lot by hand, in its image directory, with the container's environment "
                        + "and its $. arguments resolved; no arc state is written, no event published."},
        footer = {"", "Example:", "  cls local -p project.json -a toParquet -l 20230717PT5M250 > local.sh"},
        mixinStandardHelpOptions = true,
        subcommands = {LocalRunCommand.class})
public final class LocalCommand implements Callable<Integer> {
    private final CliContext context;

    public LocalCommand(CliContext context) {
        this.context = context;
    }

    @Mixin
    private ProjectOptions project;

    @Option(names = {"-a", "--arc"}, paramLabel = "ARC", description = "The batchExecArc to run (any case).")
    private String arc;

    @Option(names = {"-l", "--lot"}, paramLabel = "LOT", description = "The lot, e.g. 20230717PT5M250.")
    private String lot;

    @Option(names = {"-r", "--role"}, paramLabel = "ROLE", defaultValue = "main",
            description = "The source role whose manifest the run reads (default: ${DEFAULT-VALUE}).")
    private String role;

    @Option(names = {"-s", "--manifest-state"}, paramLabel = "STATE", defaultValue = "complete",
            description = "The source manifest's state: complete or empty (default: ${DEFAULT-VALUE}).")
    private ManifestState state;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (arc == null || lot == null) {
            throw new ParameterException(spec.commandLine(), "give the arc and lot (cls local -p project.json "
                    + "-a ARC -l LOT) for a script that runs one batchExecArc, or run projects with cls local run");
        }
        ComponentRegistry registry = ComponentRegistry.defaultRegistry();
        LocalPlan plan;
        try {
            // no remote dataset lookup, as the original: the files alone
            LoadedProject loaded = new ProjectLoader(registry, project.jsonnet(), context.in())
                    .loadAll(project.sources());
            var problems = new ProjectValidator(registry).validate(loaded, ValidationOptions.offline());
            if (!problems.isEmpty()) {
                throw new UserException(problems.get(0).format());
            }
            plan = LocalPlan.of(loaded.deployables());
        } catch (ProblemException e) {
            throw new UserException(e.problems().get(0).format());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        try {
            context.out().print(BatchArcScript.script(plan, arc, lot, role, state));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        context.out().flush();
        return 0;
    }
}

package io.clusterless.cli.command.ops;

import io.clusterless.cli.options.ProjectOptions;
import io.clusterless.model.load.JsonnetOptions;
import io.clusterless.model.load.ProjectSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which projects an operations command works on: project files ({@code FILE…} or {@code -p FILE…}), or projects
 * as deployed ({@code --deployed NAME[:VERSION]…}; the original's {@code --project NAME} too), read from the placement's metadata bucket; exactly one of the two.
 */
public final class OperatedProjectOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @ArgGroup(exclusive = true, heading = "Projects, either:%n")
    private Choice choice;

    @ArgGroup(exclusive = false, heading = "With --deployed, the placement (when it is deployed in several; --region "
            + "picks the region):%n")
    private Placement placement;

    @Option(names = "--ext-str", paramLabel = "KEY=VALUE",
            description = "With -p: external variable for Jsonnet files, read with std.extVar(\"KEY\") (repeatable).")
    private Map<String, String> extStrs = new LinkedHashMap<>();

    @Option(names = "--jpath", paramLabel = "DIR",
            description = "With -p: folder Jsonnet imports may read besides the project file's own, searched after "
                    + "the importing file's folder (repeatable). Imports anywhere else are refused.")
    private List<Path> jpaths = new ArrayList<>();

    static final class Choice {
        @Option(names = "-p", paramLabel = "FILE", split = ",",
                description = "Project files (.json, .yaml, .yml, .jsonnet), or - for stdin. Repeat (or separate "
                        + "with commas) to load several files, or several projects of one placement.")
        List<String> files;

        @Option(names = "--deployed", paramLabel = "NAME[:VERSION]",
                description = "A deployed project, read from what cls deploy (or cls local run) recorded in its "
                        + "placement's metadata bucket: every deployed version of NAME, each told apart in the "
                        + "output, or only VERSION (repeatable). cls projects lists them.")
        List<String> projects;

        @Option(names = "--all-deployed", description = "Every project deployed in the placement (when several "
                + "are deployed to, choose one with --stage, --account or --region).")
        boolean all;

        // the original's form of --deployed on its report commands, kept so its scripts work
        @Option(names = "--project", paramLabel = "NAME[:VERSION]", hidden = true)
        List<String> originalProjects;

        List<String> deployed() {
            return projects != null ? projects : originalProjects;
        }
    }

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Project files, as with -p.")
    private List<String> positional = new ArrayList<>();

    static final class Placement {
        @Option(names = "--account", paramLabel = "ACCOUNT", description = "Only the placement of this account.")
        String account;

        @Option(names = "--stage", paramLabel = "STAGE", arity = "0..1", fallbackValue = "",
                description = "Only the placement of this stage; without a value: the placement without a stage.")
        String stage;
    }

    /** A deployed project as asked for: {@code version} null for every deployed version. */
    record Wanted(String name, String version) {
        static Wanted parse(String text) {
            int colon = text.indexOf(':');
            return colon < 0 ? new Wanted(text, null)
                    : new Wanted(text.substring(0, colon), text.substring(colon + 1));
        }

        @Override
        public String toString() {
            return version == null ? name : name + ":" + version;
        }
    }

    /**
     * Whether no project was given at all: the status commands then read every project deployed in the placement,
     * as the original's did (they had no project option).
     */
    boolean noneGiven() {
        return choice == null && positional.isEmpty();
    }

    /** Set by the status commands: no project given reads every deployed one, as {@code --all-deployed}. */
    private boolean everyWhenNoneGiven;

    /** These options, where giving no project means every project deployed in the placement (as the original). */
    OperatedProjectOptions orEveryDeployed() {
        everyWhenNoneGiven = true;
        return this;
    }

    /**
     * Whether the projects are deployed ones ({@code --project}) rather than files.
     *
     * @throws ParameterException (a usage error) when neither is given, or an option of the other one
     */
    boolean deployed() {
        CommandLine commandLine = command.commandLine();
        if (noneGiven() && everyWhenNoneGiven) {
            return true;
        }
        if (choice == null && positional.isEmpty()) {
            throw new ParameterException(commandLine, "which projects? Give project files as arguments or with "
                    + "-p FILE, a deployed project with --deployed NAME[:VERSION], or every deployed one with --all-deployed");
        }
        boolean deployed = choice != null && (choice.deployed() != null || choice.all);
        if (deployed && !positional.isEmpty()) {
            throw new ParameterException(commandLine, "give either project files (" + positional.get(0)
                    + ") or a deployed project (--deployed), not both");
        }
        if (!deployed && placement != null) {
            throw new ParameterException(commandLine, "--account and --stage choose where a --deployed project is deployed; "
                    + "with -p the project file names its placement");
        }
        if (deployed && !extStrs.isEmpty()) {
            throw new ParameterException(commandLine, "--ext-str is for Jsonnet project files; a --deployed "
                    + "project is read as it was recorded");
        }
        if (deployed && !jpaths.isEmpty()) {
            throw new ParameterException(commandLine, "--jpath is for Jsonnet project files; a --deployed "
                    + "project is read as it was recorded");
        }
        return deployed;
    }

    List<ProjectSource> sources() {
        return ProjectOptions.sources(ProjectOptions.files(choice == null ? null : choice.files, positional),
                command.commandLine());
    }

    Map<String, String> extStrs() {
        return extStrs;
    }

    JsonnetOptions jsonnet() {
        return new JsonnetOptions(extStrs, jpaths);
    }

    /** The deployed projects asked for by name; empty with {@link #allDeployed()}. */
    List<Wanted> wanted() {
        return choice == null || choice.deployed() == null ? List.of()
                : choice.deployed().stream().map(Wanted::parse).toList();
    }

    /** Every project deployed in the placement ({@code --all-deployed}). */
    boolean allDeployed() {
        return choice != null && choice.all || noneGiven() && everyWhenNoneGiven;
    }

    String account() {
        return placement == null ? null : placement.account;
    }

    String stage() {
        return placement == null ? null : placement.stage;
    }
}

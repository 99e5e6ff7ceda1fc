package io.clusterless.cli.command;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The reports' project filter, named as the operations commands name a deployed project ({@code --deployed
 * NAME[:VERSION]}), so {@code --project} means a project file everywhere it is shown; the original's
 * {@code --project NAME[:VERSION]} filter still works, hidden.
 */
public final class DeployedFilter {
    @Option(names = "--deployed", paramLabel = "NAME[:VERSION]",
            description = "Only this deployed project, any version or the one given (repeatable).")
    private List<String> deployed = new ArrayList<>();

    // the original's name of this filter (reference §2.3), kept so its scripts work
    @Option(names = "--project", paramLabel = "NAME[:VERSION]", hidden = true)
    private List<String> original = new ArrayList<>();

    /** Every project asked for under either name; empty for all. */
    public List<String> projects() {
        List<String> all = new ArrayList<>(deployed);
        all.addAll(original);
        return all;
    }

    /** Whether project {@code name} version {@code version} passes: {@code p} any version of p, {@code p:v} exactly. */
    public boolean matches(String name, String version) {
        return ReportCommands.projectMatches(projects(), name, version);
    }
}

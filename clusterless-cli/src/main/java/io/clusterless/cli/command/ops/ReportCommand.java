package io.clusterless.cli.command.ops;

import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.options.SubstrateOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code cls report --html FILE}: the status page as one file to keep, mail or publish. */
@Command(name = "report",
        description = {"Write the status page of the given project files or deployed project as one "
                + "self-contained HTML file: the lineage coloured by state, every dataset's lots in the window "
                + "(hover a lot for its interval, state and gap cause), freshness, and each arc's recent lots. "
                + "Opening it fetches nothing. cls ui serves the same page live.", ""},
        footer = {"", "Example:", "  cls report examples/copy-chain/project.json -P local --earliest 1d --html status.html",
                "", "Exit codes: 0 written, 1 failure, 2 usage error."},
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class ReportCommand implements Callable<Integer> {
    private final CliContext context;

    public ReportCommand(CliContext context) {
        this.context = context;
    }

    @Mixin
    private OperatedProjectOptions project;

    @Mixin
    private SubstrateOptions substrate;

    @Mixin
    private TimeWindowOptions time;

    @Option(names = "--html", required = true, paramLabel = "FILE", description = "Where to write the page.")
    private Path html;


    @Override
    public Integer call() {
        Path target = context.workingDirectory().resolve(html);
        OperatedPlacement placement = OperatedPlacement.load(context, project, substrate);
        Clock clock = Clock.systemUTC();
        String page = StatusPage.html(StatusPage.collect(placement, unit -> time.window(unit, clock), clock));
        try {
            Files.writeString(target, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("cannot write " + target + ": " + e.getMessage());
        }
        context.err().println("wrote " + target);
        context.err().flush();
        return ExitCodes.OK;
    }
}

package io.clusterless.cli.command.ops;

import io.clusterless.cli.context.CliContext;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code cls disable}: stop listeners from processing new lots (ADR-0004). */
@Command(name = "disable",
        description = {"Stop an arc's or a boundary's listener (all of the project's without --arc/--boundary) at "
                + "once: events that arrive while it is disabled are not processed. The state is recorded in the "
                + "placement's metadata bucket, so a redeploy keeps it; cls gaps reports the skipped lots as "
                + "disabled and cls exec fills them."},
        mixinStandardHelpOptions = true)
public final class DisableCommand extends ListenerSwitch implements Callable<Integer> {
    public DisableCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        return change(false);
    }
}

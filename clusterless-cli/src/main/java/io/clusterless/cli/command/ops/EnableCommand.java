package io.clusterless.cli.command.ops;

import io.clusterless.cli.context.CliContext;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code cls enable}: let listeners process new lots again (ADR-0004). */
@Command(name = "enable",
        description = {"Start an arc's or a boundary's listener again (all of the project's without --arc/--boundary). "
                + "Lots whose events arrived while it was disabled stay unprocessed; cls exec runs them."},
        mixinStandardHelpOptions = true)
public final class EnableCommand extends ListenerSwitch implements Callable<Integer> {
    public EnableCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        return change(true);
    }
}

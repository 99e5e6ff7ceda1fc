package io.clusterless.cli.command.local;

import io.clusterless.local.run.RunProgress;

import java.io.PrintWriter;

/** The live progress line: rewritten in place on a terminal, silent otherwise (logs and pipes stay clean). */
final class ProgressLine {
    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private long last;
    private int width;

    ProgressLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    void update(RunProgress progress) {
        if (!enabled || System.nanoTime() - last < EVERY_NANOS) {
            return;
        }
        last = System.nanoTime();
        String line = progress.line();
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        width = line.length();
        err.flush();
    }

    void finish(RunProgress progress) {
        if (enabled && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }
}

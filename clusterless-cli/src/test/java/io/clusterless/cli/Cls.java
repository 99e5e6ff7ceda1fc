package io.clusterless.cli;

import io.clusterless.cli.context.CliContext;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Runs {@code cls} in-process, the way a shell would, and captures what it printed. Each command runs with its clock
 * stopped at the moment it started: {@code local run --until-idle} closes every interval that ended by its clock's
 * now, so with a moving clock a run that happened to span the end of a lot would also close that lot (empty) and
 * run its arcs on it, and what a test sees would depend on when it ran. A file a test writes into a landing folder
 * itself must be dated back, as {@code --put} dates its files: one dated within half a second of a stopped clock
 * never settles.
 */
public final class Cls {
    private Cls() {
    }

    static Result run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    static Result runWithStdin(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    /** Runs as if it were {@code at}, and stayed so while the command ran. */
    static Result runAt(Instant at, String... args) {
        return run(InputStream.nullInputStream(), at, args);
    }

    private static Result run(InputStream in, String... args) {
        return run(in, Instant.now(), args);
    }

    private static Result run(InputStream in, Instant at, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(context(new PrintWriter(out, true), new PrintWriter(err, true), in, at), args);
        return new Result(Arrays.asList(args), exitCode, out.toString(), err.toString());
    }

    /** The context a command runs in here: these streams, and the clock stopped at this moment. */
    public static CliContext context(PrintWriter out, PrintWriter err, InputStream in) {
        return context(out, err, in, Instant.now());
    }

    private static CliContext context(PrintWriter out, PrintWriter err, InputStream in, Instant at) {
        return new CliContext(out, err, in).clock(Clock.fixed(at, ZoneOffset.UTC));
    }

    /** What one invocation returned; {@link #toString()} shows it all, so a failed assertion explains itself. */
    record Result(List<String> args, int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "cls " + String.join(" ", args) + "\n--> exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }
}

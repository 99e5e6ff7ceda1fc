package io.clusterless.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Runs {@code cls} in-process, the way a shell would, and captures what it printed. */
final class Cls {
    private Cls() {
    }

    static Result run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    static Result runWithStdin(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    private static Result run(InputStream in, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), in, args);
        return new Result(Arrays.asList(args), exitCode, out.toString(), err.toString());
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

package io.clusterless.cli;

import io.clusterless.cli.command.JsiiLifecycle;
import io.clusterless.cli.context.ClassPathWarmup;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.Interruption;
import io.clusterless.cli.repeat.FastRepeat;
import io.clusterless.cli.repeat.Invocation;
import io.clusterless.cli.repeat.RepeatRecorder;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The build's class-data-sharing training (clusterless-cli/pom.xml), not a command: runs each command line given,
 * separated by {@code --then}, in this one JVM, so that the archive it records at exit holds the classes of all of
 * them (validate, a fresh synth, a synth served by the assembly cache, and the last line once more on the repeat
 * path, from the record its run wrote). Prints each line's exit code.
 */
public final class CdsTraining {
    static final String SEPARATOR = "--then";

    private CdsTraining() {
    }

    public static void main(String[] args) {
        // Main.main's own steps, which no line runs (Main.run): their classes and the signal handler's are archived
        Interruption.install(Interruption.Streams.of(System.out, System.err), new CliContext(new PrintWriter(
                System.out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                InputStream.nullInputStream()), Thread.currentThread());
        Main.withoutGroovyClosures();
        ClassPathWarmup.start(CdsTraining.class.getClassLoader());
        Invocation last = null;
        for (List<String> line : lines(args)) {
            // each line as Main.main runs it: recorded, so that the last one can be repeated below
            last = Invocation.ofProcess(line.toArray(String[]::new), System.currentTimeMillis());
            RepeatRecorder repeat = Main.recorder(last);
            PrintWriter out = new PrintWriter(repeat.tee(OutputStream.nullOutputStream(), true), true,
                    StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(repeat.tee(OutputStream.nullOutputStream(), false), true,
                    StandardCharsets.UTF_8);
            int code = Main.run(new CliContext(out, err, InputStream.nullInputStream()).repeat(repeat),
                    line.toArray(String[]::new));
            out.flush();
            err.flush();
            repeat.write(code);
            System.out.println("cds training: exit " + code + ": cls " + String.join(" ", line));
        }
        if (last != null) {
            // the repeat path's classes too (a synth line last: its record was just written)
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            System.out.println("cds training: repeat served: " + FastRepeat.serve(last, quiet, quiet));
        }
        // jsii's node ended as Main.main ends it (JsiiLifecycle's and JsiiStop's classes archived too); the JVM records
        // the archive on the way out
        JsiiLifecycle.beginStop().ifPresent(Runnable::run);
        System.exit(0);
    }

    static List<List<String>> lines(String[] args) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        for (String arg : Arrays.asList(args)) {
            if (arg.equals(SEPARATOR)) {
                lines.add(line);
                line = new ArrayList<>();
            } else {
                line.add(arg);
            }
        }
        lines.add(line);
        return lines;
    }
}

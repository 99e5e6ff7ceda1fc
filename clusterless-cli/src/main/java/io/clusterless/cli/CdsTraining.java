package io.clusterless.cli;

import io.clusterless.cli.context.CliContext;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The build's class-data-sharing training (clusterless-cli/pom.xml), not a command: runs each command line given,
 * separated by {@code --then}, in this one JVM, so that the archive it records at exit holds the classes of all of
 * them (validate, a fresh synth, a synth served by the assembly cache). Prints each line's exit code.
 */
public final class CdsTraining {
    static final String SEPARATOR = "--then";

    private CdsTraining() {
    }

    public static void main(String[] args) {
        PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        for (List<String> line : lines(args)) {
            int code = Main.run(new CliContext(quiet, quiet, InputStream.nullInputStream()),
                    line.toArray(String[]::new));
            System.out.println("cds training: exit " + code + ": cls " + String.join(" ", line));
        }
        System.exit(0); // jsii's node is stopped by its shutdown hook; the JVM records the archive on the way out
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

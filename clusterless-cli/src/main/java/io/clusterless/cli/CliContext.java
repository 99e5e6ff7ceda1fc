package io.clusterless.cli;

import io.clusterless.cli.output.OutputFormat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every command shares: its streams and the global options. */
public final class CliContext {
    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream in;
    private int verbosity;
    private OutputFormat output = OutputFormat.table;
    private final Map<String, String> properties = new LinkedHashMap<>();

    public CliContext(PrintWriter out, PrintWriter err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public InputStream in() {
        return in;
    }

    public int verbosity() {
        return verbosity;
    }

    void setVerbosity(int verbosity) {
        this.verbosity = verbosity;
    }

    public OutputFormat output() {
        return output;
    }

    void setOutput(OutputFormat output) {
        this.output = output;
    }

    /** {@code -D key=value} configuration overrides. */
    public Map<String, String> properties() {
        return properties;
    }
}

package io.clusterless.cli.context;

import io.clusterless.cli.config.ClsConfig;
import io.clusterless.cli.config.ConfigFiles;
import io.clusterless.cli.output.OutputFormat;
import io.clusterless.cli.repeat.RepeatRecorder;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What every command shares: its streams and the global options. */
public final class CliContext {
    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream in;
    private int verbosity;
    private OutputFormat output = OutputFormat.table;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private Path workingDirectory = Path.of("").toAbsolutePath();
    private Path home = Path.of(System.getProperty("user.home"));
    private Map<String, String> environment = System.getenv();
    private boolean terminal = Terminal.detect();
    private Clock clock = Clock.systemUTC();
    private CommandRunner commands;
    private RepeatRecorder repeat;

    /** Runs a cls command line in a context: {@code Main.run}, which gives it to every context it runs in. */
    @FunctionalInterface
    public interface CommandRunner {
        int run(CliContext context, String... args);
    }

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

    /** The global {@code -v} count; set by the root command while parsing. */
    public void setVerbosity(int verbosity) {
        this.verbosity = verbosity;
    }

    public OutputFormat output() {
        return output;
    }

    /** Standard output when the command was asked for {@code --output json} (its one document goes there), else null. */
    public PrintWriter documentOut() {
        return output == OutputFormat.json ? out : null;
    }

    /** The global {@code --output}; set by the root command while parsing. */
    public void setOutput(OutputFormat output) {
        this.output = output;
    }

    /** {@code -D key=value} configuration overrides. */
    public Map<String, String> properties() {
        return properties;
    }

    /** Where relative paths and local configuration files ({@code .clsconfig}) are found from. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** The user's home: global configuration lives in {@code ~/.cls/}. */
    public Path home() {
        return home;
    }

    /** Runs as if started in {@code workingDirectory} by a user whose home is {@code home} (tests, embedding). */
    public CliContext directories(Path workingDirectory, Path home) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.home = home.toAbsolutePath().normalize();
        return this;
    }

    /** The environment cls and the processes it starts (the CDK CLI, workloads) see. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Runs as if started with this environment (tests, embedding). */
    public CliContext environment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /** What time it is for the commands that read it ({@code cls local run}: its lots, arrivals and interval ends). */
    public Clock clock() {
        return clock;
    }

    /** Runs as if the time were {@code clock}'s (tests, embedding). */
    public CliContext clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Whether a person is at a terminal (the approval guard, redrawn progress lines); see {@link Terminal}. */
    public boolean terminal() {
        return terminal;
    }

    /** Runs as if at a terminal or not (tests, embedding). */
    public CliContext terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    /** The recorder of this process's invocation (set by {@code Main.main} only): synth tells it what it read. */
    public Optional<RepeatRecorder> repeat() {
        return Optional.ofNullable(repeat);
    }

    public CliContext repeat(RepeatRecorder repeat) {
        this.repeat = repeat;
        return this;
    }

    /** How {@link #runCommand} runs command lines; set by {@code Main.run}. */
    public CliContext commands(CommandRunner commands) {
        this.commands = commands;
        return this;
    }

    /**
     * Runs {@code args} as a cls command line in {@code context} (a scenario's steps), through the runner this
     * context was run with: commands reach the command tree through their context, never the root package.
     */
    public int runCommand(CliContext context, String... args) {
        if (commands == null) {
            throw new IllegalStateException("this context runs no command lines: it was not run by Main.run");
        }
        return commands.run(context, args);
    }

    /**
     * How wide tables may be (0: no limit): the terminal's width, none with {@code --wide} or off a terminal; see
     * {@link Terminal#width}.
     */
    public int tableWidth(boolean wide) {
        return wide ? 0 : Terminal.width(terminal, environment);
    }

    /** Whether output may be coloured: on a terminal, unless {@code NO_COLOR} says otherwise. */
    public boolean colour() {
        return Terminal.colour(terminal, environment);
    }

    /** The configuration in effect: -D, {@code CLS_} variables, local and global files, defaults. */
    public ClsConfig config() {
        return ClsConfig.load(new ConfigFiles(workingDirectory, home), environment, properties);
    }
}

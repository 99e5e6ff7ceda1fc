package io.clusterless.cli;

import io.clusterless.cli.config.ConfigDefaults;
import io.clusterless.cli.config.ConfigFiles;
import io.clusterless.cli.config.Settings;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.context.Interruption;
import io.clusterless.cli.context.VersionProvider;
import io.clusterless.cli.repeat.FastRepeat;
import io.clusterless.cli.repeat.Invocation;
import io.clusterless.cli.repeat.RepeatRecorder;
import io.clusterless.engine.ops.OperationException;
import io.clusterless.model.load.Problem;
import io.clusterless.model.load.ProblemException;
import io.clusterless.substrate.aws.connection.AwsFailures;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a command line through picocli's tree: kept apart from {@link Main} so that starting cls (and its repeat path)
 * loads no picocli class before a command line actually needs the tree.
 */
public final class CommandTree {
    private CommandTree() {
    }

    /** Whether {@code args} only ask for the version, which {@link #run} answers without the tree. */
    static boolean isVersion(String... args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    static int run(CliContext context, String... args) {
        if (isVersion(args)) {
            // what picocli would print, without building the whole command tree first (most of a start-up)
            for (String line : new VersionProvider().getVersion()) {
                context.out().println(line);
            }
            context.out().flush();
            return ExitCodes.OK;
        }
        PrintWriter err = context.err();
        ClsCommand root = new ClsCommand(context);
        CommandLine commandLine = commandLineFor(root, args);
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // picocli hands only Exceptions to the handler; JVM errors still get one line
            err.println("error: " + (e instanceof OutOfMemoryError ? "out of memory" : "stack overflow")
                    + " while running cls; the input is too large or too deeply nested");
            if (root.context().verbosity() > 0) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.FAILURE;
        }
    }

    /** The configured command tree; also used to generate completion scripts. */
    public static CommandLine commandLine(ClsCommand root) {
        return commandLine(root, ClsCommand.COMMANDS);
    }

    /**
     * The tree {@code args} need: only the invoked command's branch when they name one for certain, else every
     * command (help, an unknown command and its suggestions).
     */
    static CommandLine commandLineFor(ClsCommand root, String... args) {
        return commandLine(root, InvokedCommand.of(args, ClsCommand.COMMANDS).<List<Class<?>>>map(List::of)
                .orElse(ClsCommand.COMMANDS));
    }

    /** The tree with only {@code commands} (with their own subcommands) under {@code cls}. */
    static CommandLine commandLine(ClsCommand root, List<Class<?>> commands) {
        CommandLine commandLine = new CommandLine(root, new CommandFactory(root.context()));
        for (Class<?> command : commands) {
            commandLine.addSubcommand(command);
        }
        commandLine.setOut(root.context().out());
        commandLine.setErr(root.context().err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpAutoWidth(true);
        // named classes, not lambdas, for picocli's interfaces: the archive's dump links an interface a lambda of its
        // classlist implements, and a linked Java 5 class (all of picocli's) cannot be archived; then the interface,
        // picocli's classes that use it and the lambdas were read, verified and spun at every start
        commandLine.setExecutionExceptionHandler(new FailureHandler(root.context()));
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        // cls -P local …: "local" is the value of the root's -P, not the local command; only at the root, so that
        // e.g. "cls arcs --stage status" still runs arcs status
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        commandLine.getSubcommands().values().forEach(sub -> sub.setAllowSubcommandsAsOptionParameters(false));
        commandLine.setExecutionStrategy(new Strategy(root));
        commandLine.setDefaultValueProvider(new ConfigDefaults(root.context()::config));
        shareVersion(commandLine, new VersionProvider());
        return commandLine;
    }

    /** Runs the last command given, after carrying the root's {@code -P} to it ({@link ProviderDefault}). */
    private record Strategy(ClsCommand root) implements CommandLine.IExecutionStrategy {
        @Override
        public int execute(CommandLine.ParseResult parseResult) {
            ProviderDefault.apply(root, parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        }
    }

    /** A command's failure: {@link #reportFailure}. */
    private record FailureHandler(CliContext context) implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
            return reportFailure(context, e);
        }
    }

    /** A usage error: {@link #reportUsageError}. */
    private static final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            return reportUsageError(e, args);
        }
    }

    /** Every command mixes in --version; picocli does not pass the root's version provider down. */
    private static void shareVersion(CommandLine command, CommandLine.IVersionProvider version) {
        command.getCommandSpec().versionProvider(version);
        command.getSubcommands().values().forEach(sub -> shareVersion(sub, version));
    }

    private static int reportFailure(CliContext context, Exception e) {
        PrintWriter err = context.err();
        if (Interruption.signalled()) {
            return ExitCodes.INTERRUPTED; // the signal handler said so and is ending the process
        }
        if (Interruption.causedBy(e)) {
            err.println("cls: interrupted");
            if (context.verbosity() > 0) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INTERRUPTED;
        }
        if (e instanceof ProblemException problems) {
            for (Problem problem : problems.problems()) {
                err.println(problem.format());
            }
        } else if (e instanceof OperationException) {
            err.println("error: " + e.getMessage());
        } else {
            String message = AwsFailures.describe(e, null).orElseGet(() -> (e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName()) + (context.verbosity() == 0 ? " (run with -v for details)" : ""));
            err.println("error: " + message);
        }
        if (context.verbosity() > 0) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILURE;
    }

    private static int reportUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        // picocli prefixes argument-group messages with "Error: "; we already say "error: "
        err.println("error: " + e.getMessage().replaceFirst("^Error: ", ""));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }
}

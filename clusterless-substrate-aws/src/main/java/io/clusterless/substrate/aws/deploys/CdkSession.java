package io.clusterless.substrate.aws.deploys;

import io.clusterless.engine.ops.OperationException;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.substrate.aws.cdk.CdkException;
import io.clusterless.substrate.aws.cdk.CdkLocator;
import io.clusterless.substrate.aws.cdk.CdkRunner;
import io.clusterless.substrate.aws.connection.AwsFailures;
import io.clusterless.substrate.aws.synth.SynthException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** One CDK CLI session of a command: the located cdk, its environment, and the arguments every verb shares. */
public final class CdkSession {
    private static final long FIRST_BACKOFF_MILLIS = 30_000;
    /** Seconds before the first retry instead of 30; tests against emulators need not wait. */
    static final String BACKOFF_VARIABLE = "CLS_RETRY_BACKOFF_SECONDS";

    /** With it set, every cdk call notes how long it took: the benchmark splits a command's wall time with it. */
    public static final String TIMINGS_VARIABLE = "CLS_TIMINGS";

    private final CommandSession session;
    private final CdkSettings options;
    private final String region;
    private final boolean terminal;

    /** @param region the placement's region, used when neither --region nor the environment gives one */
    public CdkSession(CommandSession session, CdkSettings options, String region) {
        this.session = session;
        this.options = options;
        this.region = region;
        this.terminal = session.terminal();
    }

    /**
     * cdk cannot ask without a terminal and would wait or fail half-way, so refuse before starting it.
     *
     * @param asks whether the configured approval would make cdk ask
     */
    public void requireApprovalPossible(String command, boolean asks) {
        if (asks && !options.approve() && !options.dryRun() && !terminal) {
            throw new OperationException("cls " + command + " needs --approve where there is no terminal to answer the "
                    + "CDK CLI's questions (or set aws.cdk." + (command.contains("destroy") ? "requireDestroyApproval"
                    + "=false" : "requireDeployApproval=never") + " with 'cls config' or -D)");
        }
    }

    /** {@code --require-approval} for deploy: never with --approve, else the configured level. */
    private List<String> deployApproval() {
        String level = options.approve() ? "never" : options.requireDeployApproval();
        return List.of("--require-approval", level.replace('_', '-'));
    }

    public boolean deployAsks() {
        return !options.approve() && !"never".equals(options.requireDeployApproval());
    }

    public boolean destroyForced() {
        return options.approve() || !options.requireDestroyApproval();
    }

    /** Arguments after the verb shared by every call: the assembly, the profile, and colour only where wanted. */
    public List<String> common(Path assembly) {
        List<String> arguments = new ArrayList<>(List.of("--app", assembly.toString()));
        if (!session.colour()) {
            arguments.add("--no-color");
        }
        if (options.connection().profile() != null) {
            arguments.addAll(List.of("--profile", options.connection().profile()));
        }
        return arguments;
    }

    /**
     * Diff's own options: against an endpoint other than AWS's a template-only diff, since emulators (moto) cannot
     * create the change set cdk would otherwise try first, and the failed attempt costs minutes.
     */
    public List<String> diffOptions() {
        return options.connection().endpointUrl() != null ? List.of("--method=template") : List.of();
    }

    /**
     * Deploy's own options: event-style progress without a terminal (a log, not a redrawn screen), and for an
     * endpoint other than AWS's a direct deploy, because emulators (moto) cannot update stacks through change sets.
     */
    public List<String> deployOptions() {
        List<String> arguments = new ArrayList<>(deployApproval());
        if (!terminal) {
            arguments.addAll(List.of("--progress", "events"));
        }
        if (options.connection().endpointUrl() != null) {
            arguments.add("--method=direct");
        }
        return arguments;
    }

    public Map<String, String> environment() {
        Map<String, String> environment = options.connection().environment(session.environment(), region);
        environment.put("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "true");
        environment.put("CDK_DISABLE_VERSION_CHECK", "true");
        // Node's deprecation warnings are about the CDK CLI's own dependencies, not anything the user can act on
        String nodeOptions = environment.getOrDefault("NODE_OPTIONS", "");
        if (!nodeOptions.contains("--no-deprecation")) {
            environment.put("NODE_OPTIONS", (nodeOptions + " --no-deprecation").strip());
        }
        return environment;
    }

    public AwsClients clients() {
        return options.connection().clients(session.environment(), region);
    }

    /** Runs {@code cdk ARGS}, or with --dry-run only prints it; cdk's exit code. */
    public int run(List<String> arguments) {
        if (options.dryRun()) {
            session.err().println("dry run: " + String.join(" ", runner(Path.of("cdk")).command(arguments)));
            session.err().flush();
            return 0;
        }
        Path cdk;
        try {
            cdk = new CdkLocator(CdkLocator.defaultCacheRoot(session.environment(), session.home()),
                    session.environment().get("PATH"), this::note).locate(Optional.ofNullable(options.cdk()))
                    .executable();
        } catch (CdkException e) {
            throw new OperationException(e.getMessage());
        }
        session.out().flush();
        session.err().flush();
        long start = System.nanoTime();
        try {
            int exit = runner(cdk).run(arguments, options.retry());
            interrupted();
            return exit;
        } catch (CdkException e) {
            interrupted();
            throw new OperationException(e.getMessage());
        } finally {
            // the benchmark splits a command's wall time into cls's share and the CDK CLI's
            if (session.timings() || session.environment().get(TIMINGS_VARIABLE) != null) {
                note("timings: cdk-" + arguments.get(0) + "=" + (System.nanoTime() - start) / 1_000_000 + "ms");
            }
        }
    }

    /** cdk ended because a signal's handler killed it: nothing about its exit is true of the deploy; stop here. */
    private void interrupted() {
        if (session.interrupted().getAsBoolean()) {
            throw new OperationException("interrupted");
        }
    }

    private CdkRunner runner(Path cdk) {
        String backoff = session.environment().get(BACKOFF_VARIABLE);
        long first = backoff != null && backoff.matches("\\d+") ? Long.parseLong(backoff) * 1000 : FIRST_BACKOFF_MILLIS;
        // a JSON document on standard output is for a script: cdk's own output goes with its progress, to stderr
        return new CdkRunner(cdk, environment(), this::note, first)
                .withStdoutToStderr(session.document());
    }

    public void note(String line) {
        session.err().println("cls: " + line);
        session.err().flush();
    }

    /** The placement's metadata bucket answers a HEAD: the placement is bootstrapped. */
    public boolean bootstrapped(PlacementNames placement) {
        try {
            return Bootstrapped.check(clients().s3(), placement);
        } catch (SdkClientException e) {
            throw new OperationException(AwsFailures.describe(e, options.connection().endpointUrl()).orElseThrow(() -> e));
        }
    }

    /** Runs {@code synthesis} into {@code assembly} and records the result and its time in the command's document. */
    public static void synthesize(CommandDocument document, Path assembly, Runnable synthesis) {
        try {
            long synthStart = System.nanoTime();
            synthesis.run();
            document.synthesized(assembly, (System.nanoTime() - synthStart) / 1_000_000);
        } catch (SynthException e) {
            throw new OperationException(e.getMessage());
        }
    }

    public static Path tempAssembly() {
        try {
            return Files.createTempDirectory("cls-assembly-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}

package io.clusterless.substrate.aws.cdk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the CDK CLI on a synthesized cloud assembly ({@code cdk <verb> --app DIR …}) with the user's terminal: its
 * progress passes straight through, and its exit code is the answer. {@code --retry} re-runs a failed command,
 * because deleting VPCs and buckets is sometimes refused for a while after their last use.
 */
public final class CdkRunner {
    /** Attempts in all with retry on, and the wait before the second; each further wait doubles. */
    public static final int ATTEMPTS = 3;
    /** How long an interrupted run waits for the killed cdk to exit. */
    private static final long STOP_WAIT_SECONDS = 10;

    private final Path cdk;
    private final Map<String, String> environment;
    private final Consumer<String> progress;
    private final long firstBackoffMillis;
    private final boolean stdoutToStderr;

    /**
     * @param environment the whole environment of the child (connection settings included); never printed
     * @param progress    one-line notes for the user: the command line, retries
     */
    public CdkRunner(Path cdk, Map<String, String> environment, Consumer<String> progress, long firstBackoffMillis) {
        this(cdk, environment, progress, firstBackoffMillis, false);
    }

    private CdkRunner(Path cdk, Map<String, String> environment, Consumer<String> progress, long firstBackoffMillis,
                      boolean stdoutToStderr) {
        this.cdk = cdk;
        this.environment = Map.copyOf(environment);
        this.progress = progress;
        this.firstBackoffMillis = firstBackoffMillis;
        this.stdoutToStderr = stdoutToStderr;
    }

    /**
     * This runner with the CDK CLI's standard output written to our standard error: where our standard output is a
     * document for a script ({@code --output json}), cdk's stack ARNs and outputs must not be mixed into it.
     */
    public CdkRunner withStdoutToStderr(boolean toStderr) {
        return new CdkRunner(cdk, environment, progress, firstBackoffMillis, toStderr);
    }

    /** The command line that {@link #run} starts, for {@code --dry-run} and notes. */
    public List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(cdk.toString());
        command.addAll(arguments);
        return command;
    }

    /** Runs once, or up to {@link #ATTEMPTS} times with {@code retry}; the last exit code. */
    public int run(List<String> arguments, boolean retry) {
        List<String> command = command(arguments);
        long backoff = firstBackoffMillis;
        int exit = -1;
        for (int attempt = 1; attempt <= (retry ? ATTEMPTS : 1); attempt++) {
            if (attempt > 1) {
                progress.accept("cdk exited with " + exit + "; attempt " + attempt + " of " + ATTEMPTS + " in "
                        + backoff / 1000 + " s");
                sleep(backoff);
                backoff *= 2;
            }
            progress.accept(String.join(" ", command));
            exit = once(command);
            if (exit == 0) {
                return 0;
            }
        }
        return exit;
    }

    private int once(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(detached(command)).inheritIO();
        if (stdoutToStderr) {
            builder.redirectOutput(ProcessBuilder.Redirect.PIPE);
        }
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            Thread pump = null;
            if (stdoutToStderr) {
                pump = new Thread(() -> pump(process), "cdk-stdout");
                pump.setDaemon(true);
                pump.start();
            }
            try {
                int exit = process.waitFor();
                if (pump != null) {
                    // the pipe ends when cdk and what it started exit: every line is passed on before we go on (bounded:
                    // a straggler holding the pipe must not hold the command)
                    pump.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
                }
                return exit;
            } catch (InterruptedException e) {
                stop(process);
                Thread.currentThread().interrupt();
                throw new CdkException("interrupted while running " + command.get(0));
            }
        } catch (IOException e) {
            throw new CdkException("cannot run " + command.get(0) + ": " + e.getMessage());
        }
    }

    /** Copies cdk's standard output to ours for errors, as it comes. */
    private static void pump(Process process) {
        try (var stdout = process.getInputStream()) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = stdout.read(buffer)) >= 0) {
                System.err.write(buffer, 0, read);
                System.err.flush();
            }
        } catch (IOException e) {
            // cdk was killed: what it wrote last is lost, its exit code tells
        }
    }

    /**
     * cdk in a session of its own (same process: setsid execs it) where {@code setsid} exists: a terminal's Ctrl-C
     * then reaches only cls, which stops cdk itself and knows why it ended; otherwise cdk might die first and its
     * exit look like a failed deploy.
     */
    private List<String> detached(List<String> command) {
        for (String dir : environment.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path setsid = dir.isBlank() ? null : Path.of(dir, "setsid");
            if (setsid != null && java.nio.file.Files.isExecutable(setsid)) {
                List<String> detached = new ArrayList<>(List.of(setsid.toString()));
                detached.addAll(command);
                return detached;
            }
        }
        return command;
    }

    /**
     * Ends cdk and whatever it started, and waits (bounded) until they are gone: an interrupted cls leaves no CDK CLI
     * running on. CloudFormation finishes what cdk asked of it anyway; the deploy record says how to find out.
     */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException again) {
            // interrupted twice: the kill is sent, do not wait
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdkException("interrupted while waiting to retry the CDK CLI");
        }
    }
}

package io.clusterless.local.process;

import io.clusterless.engine.workload.WorkloadException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's command run as a local process in its image folder (ADR-0008), the tail shared by batchExecArc and
 * the SageMaker arcs: the program resolved as the container's working directory would, an environment of this
 * machine's without its AWS profile, the arc's scoped credentials for the local S3 endpoint and {@code CLS_LOCAL},
 * its own process group and lease, the job's timeout, and a failure named with where the output is.
 *
 * @param imageDir       the arc's imagePath, resolved
 * @param awsEnvironment endpoint, credentials and region of the local S3 endpoint
 * @param leases         where the run records each workload process group while it may run
 */
public record ImageCommand(Path imageDir, Map<String, String> awsEnvironment, WorkloadLeases leases) {
    public ImageCommand {
        awsEnvironment = Map.copyOf(awsEnvironment);
    }

    /** The command with a relative program path ({@code ./run.sh}) resolved in the image folder, as in the container. */
    public List<String> resolve(List<String> command) {
        if (command.isEmpty()) {
            throw new WorkloadException("no command to run in " + imageDir);
        }
        List<String> resolved = new ArrayList<>(command);
        String program = resolved.get(0);
        if (program.contains("/") && !Path.of(program).isAbsolute()) {
            resolved.set(0, imageDir.resolve(program).normalize().toString());
        }
        return resolved;
    }

    /**
     * The process environment: this machine's without {@code AWS_PROFILE} and {@code AWS_SESSION_TOKEN} (the endpoint's
     * credentials replace them), then {@code platform}, then the arc's {@code declared} variables, then {@code fixed},
     * which the arc may not override.
     */
    public Map<String, String> environment(Map<String, String> platform, Map<String, String> declared,
                                           Map<String, String> fixed) {
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        environment.remove("AWS_PROFILE");
        environment.remove("AWS_SESSION_TOKEN");
        environment.putAll(awsEnvironment);
        environment.put("CLS_LOCAL", "true");
        environment.putAll(platform);
        environment.putAll(declared == null ? Map.of() : declared);
        environment.putAll(fixed);
        return environment;
    }

    /**
     * Runs {@code command} until it exits or {@code timeout} passes, its output in {@code log}.
     *
     * @param overran what to say when it did not finish in time, e.g. {@code … did not finish within timeoutMin=10}
     * @return the exit code
     * @throws WorkloadException when it cannot start or did not finish in time
     */
    public int run(List<String> command, Map<String, String> environment, Path log, String lot, Duration timeout,
                   String overran) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Path executable = Path.of(command.get(0));
        if (command.get(0).contains("/") && !Files.isExecutable(executable)) {
            throw new WorkloadException("cannot start " + command.get(0) + " in " + imageDir + ": "
                    + (Files.exists(executable) ? "not executable" : "no such file"));
        }
        // its own process group, ended with this run however it ends, and recorded so a restarted run can end it
        try (WorkloadProcess process = WorkloadProcess.start(command, imageDir, environment, log, lot, leases)) {
            return process.await(timeout);
        } catch (WorkloadProcess.TimeoutException e) {
            throw new WorkloadException(overran + "; output in " + log);
        } catch (IOException e) {
            throw new WorkloadException("cannot run " + command.get(0) + " in " + imageDir + ": " + e.getMessage()
                    + "; output in " + log);
        }
    }

    /** A non-zero exit as a failure: the command shown, the exit, {@code detail} (may be empty), the output's place. */
    public static void requireSuccess(int exit, String shown, String detail, Path log) {
        if (exit != 0) {
            throw new WorkloadException(shown + " exited with " + exit + (exit == 127 ? " (command not found?)" : "")
                    + detail + "; output in " + log);
        }
    }
}

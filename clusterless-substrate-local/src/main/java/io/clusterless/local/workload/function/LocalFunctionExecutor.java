package io.clusterless.local.workload.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.arc.ProjectId;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.engine.workload.function.FunctionContract;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.local.process.WorkloadLeases;
import io.clusterless.local.process.WorkloadProcess;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.model.core.arc.function.FunctionRuntime;
import io.clusterless.model.core.arc.function.LambdaExecSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * lambdaExecArc on one machine: the user's handler runs once per lot in a child process of its runtime's program
 * (python3, node, java on the PATH) through that language's launcher, in its own process group with a lease
 * ({@link WorkloadProcess}), with the workload's {@code environment}, {@code AWS_REGION} and the arc's own local S3
 * endpoint credentials. The event goes in a file, the result comes back in another, so the function's output, which
 * goes to the arc's log, never mixes with it; {@link FunctionContract} turns the result into sink manifests as on AWS.
 */
public final class LocalFunctionExecutor implements LocalExecutor {
    /** What the child process inherits from the cls process: enough to find programs and locales, nothing of AWS. */
    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "JAVA_HOME");

    /**
     * @param functionName   the name the function has on AWS ({@code …-func-…}), for the context object
     * @param awsEnvironment the arc's local S3 endpoint, credentials and region
     * @param timeout        the function's timeout (runtimeProps.timeoutMin)
     */
    public record Spec(ProjectId project, String arc, String functionName, LambdaExecSettings workload, Path code,
                       Map<String, String> awsEnvironment, Duration timeout) {
        public Spec {
            awsEnvironment = Map.copyOf(awsEnvironment);
        }
    }

    private final Spec spec;
    private final FunctionRuntime runtime;
    private final FunctionContract contract;
    private final FunctionLaunchers launchers;
    private final Path tmpDir;
    private final Path logDir;
    private final WorkloadLeases leases;
    private final String path;

    /**
     * @param launchers where the launchers are written
     * @param tmpDir    where each run's event and result files are kept while it runs
     * @param logDir    where each run's output is kept, one file per lot and attempt
     * @param path      the PATH the runtime's program is looked up in and the function runs with
     * @param clock     the run's clock, which may be fixed or far from real time; the function's deadline is not
     *                  taken from it (see {@link #environment})
     */
    public LocalFunctionExecutor(Spec spec, ObjectStore store, FunctionLaunchers launchers, Path tmpDir, Path logDir,
                                 WorkloadLeases leases, Clock clock, String path) {
        this.spec = spec;
        this.runtime = spec.workload().functionRuntime().orElseThrow(() -> new IllegalArgumentException("arc "
                + spec.arc() + ": runtime \"" + spec.workload().getRuntime() + "\" is not supported; use one of "
                + FunctionRuntime.allIds()));
        this.contract = new FunctionContract(store);
        this.launchers = launchers;
        this.tmpDir = tmpDir;
        this.logDir = logDir;
        this.leases = leases;
        this.path = path;
    }

    @Override
    public Map<String, String> run(ArcWorkloadContext context, ArcProps props, String attemptId) throws Exception {
        String lot = context.arcNotifyEvent().lot();
        JsonNode event = contract.event(spec.project(), spec.arc(), context, props, attemptId);
        List<String> command = new ArrayList<>(launchers.command(runtime, spec.code(), spec.workload().getHandler(),
                path));
        Files.createDirectories(logDir);
        Files.createDirectories(tmpDir);
        Path log = logDir.resolve(lot + "-" + attemptId + ".log");
        String base = "function-" + spec.arc() + "-" + lot + "-" + attemptId;
        Path eventFile = tmpDir.resolve(base + "-event.json");
        Path resultFile = tmpDir.resolve(base + "-result.json");
        try {
            // the event may name objects of other users' datasets: readable by this user only
            Files.writeString(eventFile, Json.records().writeValueAsString(event), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(eventFile, PosixFilePermissions.fromString("rw-------"));
            Files.deleteIfExists(resultFile);
            command.add(eventFile.toString());
            command.add(resultFile.toString());
            JsonNode result = invoke(command, environment(attemptId), log, lot, resultFile);
            return contract.complete(result, context, props, attemptId);
        } finally {
            Files.deleteIfExists(eventFile);
            Files.deleteIfExists(resultFile);
        }
    }

    private JsonNode invoke(List<String> command, Map<String, String> environment, Path log, String lot,
                            Path resultFile) throws IOException, InterruptedException {
        String handler = spec.workload().getHandler();
        int exit;
        try (WorkloadProcess process = WorkloadProcess.start(command, spec.code().getParent() == null
                || Files.isDirectory(spec.code()) ? spec.code() : spec.code().getParent(), environment, log, lot,
                leases)) {
            exit = process.await(spec.timeout());
        } catch (WorkloadProcess.TimeoutException e) {
            throw new WorkloadException("function " + handler + " did not return within its timeout of "
                    + describe(spec.timeout()) + " (runtimeProps.timeoutMin); output in " + log);
        }
        if (!Files.isRegularFile(resultFile)) {
            throw new WorkloadException("function " + handler + " ended (exit " + exit + ") without a result: the "
                    + runtime.language().program() + " process was killed or exited on its own; output in " + log);
        }
        JsonNode body = Json.records().readTree(resultFile.toFile());
        JsonNode error = body.get("error");
        if (error != null) {
            Files.write(log, error.path("stackTrace").toString().getBytes(StandardCharsets.UTF_8),
                    java.nio.file.StandardOpenOption.APPEND);
            throw new WorkloadException("function " + handler + " raised " + error.path("errorType").asText()
                    + ": " + error.path("errorMessage").asText() + "; output in " + log);
        }
        return body.get("result");
    }

    private Map<String, String> environment(String attemptId) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String name : INHERITED) {
            String value = name.equals("PATH") ? path : System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        environment.putAll(spec.workload().getEnvironment() == null ? Map.of() : spec.workload().getEnvironment());
        // after the user's values, as on Lambda, where these cannot be overridden
        environment.putAll(spec.awsEnvironment());
        // the user's ~/.aws files must not redirect the SDKs away from the local endpoint
        environment.put("AWS_CONFIG_FILE", "/dev/null");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("AWS_LAMBDA_FUNCTION_NAME", spec.functionName());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                Integer.toString(spec.workload().getRuntimeProps().getMemorySizeMB()));
        environment.put("LAMBDA_TASK_ROOT", spec.code().toString());
        environment.put("CLS_ATTEMPT", attemptId);
        // the launcher compares the deadline with its own process's wall clock, and the timeout is awaited in real
        // time: a deadline from the run's clock would leave a run on a past clock no time, one on a future clock years
        environment.put("CLS_FUNCTION_DEADLINE_MS",
                Long.toString(System.currentTimeMillis() + spec.timeout().toMillis()));
        environment.put("CLS_LOCAL", "true");
        environment.put("PYTHONDONTWRITEBYTECODE", "1");
        environment.put("PYTHONUNBUFFERED", "1");
        return environment;
    }

    private static String describe(Duration timeout) {
        return timeout.toSeconds() % 60 == 0 ? timeout.toMinutes() + " min" : timeout.toMillis() / 1000.0 + " s";
    }
}

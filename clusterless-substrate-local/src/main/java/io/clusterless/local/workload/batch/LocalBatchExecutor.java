package io.clusterless.local.workload.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.engine.arc.CoveredManifests;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.engine.workload.batch.BatchResultCollector;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.model.core.arc.batch.BatchExecSettings;

import io.clusterless.local.process.WorkloadLeases;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.local.process.WorkloadProcess;

import java.io.IOException;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * batchExecArc on one machine: the container's {@code command} runs as a local process in {@code imagePath}, with
 * {@code $.} arguments resolved against the workload context (as the state machine does), {@code CLS_ARC_PROPS_JSON}
 * and the arc's {@code environment} set, and AWS SDK settings pointing at the local S3 endpoint; then the runtime's
 * {@link BatchResultCollector} finds the sink manifests the process wrote.
 */
public final class LocalBatchExecutor implements LocalExecutor {
    private final BatchExecSettings workload;
    private final Path imageDir;
    private final Map<String, String> awsEnvironment;
    private final BatchResultCollector collector;
    private final Path logDir;
    private final WorkloadLeases leases;

    /**
     * @param imageDir       the arc's imagePath, resolved
     * @param awsEnvironment endpoint, credentials and region of the local S3 endpoint
     * @param logDir         where each run's output is kept, one file per lot and attempt
     * @param leases         where the run records each workload process group while it may run
     */
    public LocalBatchExecutor(BatchExecSettings workload, Path imageDir, Map<String, String> awsEnvironment,
                              ObjectStore store, Path logDir, WorkloadLeases leases) {
        this.workload = workload;
        this.imageDir = imageDir;
        this.awsEnvironment = Map.copyOf(awsEnvironment);
        this.collector = new BatchResultCollector(store);
        this.logDir = logDir;
        this.leases = leases;
    }

    @Override
    public Map<String, String> run(ArcWorkloadContext context, ArcProps props, String attemptId) throws Exception {
        JsonNode contextJson = Json.records().valueToTree(context);
        List<String> command = new ArrayList<>();
        for (String argument : workload.getCommand()) {
            command.add(resolve(argument, contextJson));
        }
        if (command.isEmpty()) {
            throw new WorkloadException("batchExecArc has no command to run");
        }
        String program = command.get(0);
        if (program.contains("/") && !Path.of(program).isAbsolute()) {
            // relative to the image's working directory, as in the container
            command.set(0, imageDir.resolve(program).normalize().toString());
        }
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        environment.remove("AWS_PROFILE");
        environment.remove("AWS_SESSION_TOKEN");
        environment.putAll(awsEnvironment);
        environment.put("CLS_ARC_PROPS_JSON", Json.records().writeValueAsString(props));
        environment.put("CLS_LOCAL", "true");
        environment.put("AWS_BATCH_JOB_ATTEMPT", "1");
        if (context.coveredManifestsURI() != null) { // a roll-up's run: what it reads (ADR-0012)
            environment.put(CoveredManifests.VARIABLE, context.coveredManifestsURI());
        }
        environment.putAll(workload.getEnvironment() == null ? Map.of() : workload.getEnvironment());
        Files.createDirectories(logDir);
        String lot = context.arcNotifyEvent().lot();
        Path log = logDir.resolve(lot + "-" + attemptId + ".log");
        Path executable = Path.of(command.get(0));
        if (command.get(0).contains("/") && !Files.isExecutable(executable)) {
            throw new WorkloadException("cannot start " + command.get(0) + " in " + imageDir + ": "
                    + (Files.exists(executable) ? "not executable" : "no such file"));
        }
        int timeoutMin = workload.getBatchRuntimeProps() == null ? 0 : workload.getBatchRuntimeProps().getTimeoutMin();
        int exit;
        // its own process group, ended with this run however it ends, and recorded so a restarted run can end it
        try (WorkloadProcess process = WorkloadProcess.start(command, imageDir, environment, log, lot, leases)) {
            // the job's timeout, as Batch enforces it: a hung process fails the lot instead of holding the run forever
            exit = process.await(Duration.ofMinutes(timeoutMin));
        } catch (WorkloadProcess.TimeoutException e) {
            throw new WorkloadException(String.join(" ", command) + " did not finish within timeoutMin=" + timeoutMin
                    + "; output in " + log);
        } catch (IOException e) {
            throw new WorkloadException("cannot run " + command.get(0) + " in " + imageDir + ": " + e.getMessage()
                    + "; output in " + log);
        }
        if (exit != 0) {
            throw new WorkloadException(String.join(" ", command) + " exited with " + exit
                    + (exit == 127 ? " (command not found?)" : "") + "; output in " + log);
        }
        return collector.collect(context, props);
    }

    /** A {@code $.a.b} argument is the value at that path of the context; any other argument is passed as is. */
    static String resolve(String argument, JsonNode context) {
        if (!argument.startsWith("$.")) {
            return argument;
        }
        JsonNode node = context;
        for (String field : argument.substring(2).split("\\.")) {
            node = node.path(field);
        }
        if (node.isMissingNode() || node.isNull()) {
            throw new WorkloadException("argument " + argument + " names nothing in the workload context "
                    + context);
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

}

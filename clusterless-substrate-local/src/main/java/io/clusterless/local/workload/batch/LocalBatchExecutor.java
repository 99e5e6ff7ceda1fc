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
import io.clusterless.local.process.ImageCommand;

import java.time.Duration;
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
    private final ImageCommand image;
    private final BatchResultCollector collector;
    private final Path logDir;

    /**
     * @param imageDir       the arc's imagePath, resolved
     * @param awsEnvironment endpoint, credentials and region of the local S3 endpoint
     * @param logDir         where each run's output is kept, one file per lot and attempt
     * @param leases         where the run records each workload process group while it may run
     */
    public LocalBatchExecutor(BatchExecSettings workload, Path imageDir, Map<String, String> awsEnvironment,
                              ObjectStore store, Path logDir, WorkloadLeases leases) {
        this.workload = workload;
        this.image = new ImageCommand(imageDir, awsEnvironment, leases);
        this.collector = new BatchResultCollector(store);
        this.logDir = logDir;
    }

    @Override
    public Map<String, String> run(ArcWorkloadContext context, ArcProps props, String attemptId) throws Exception {
        JsonNode contextJson = Json.records().valueToTree(context);
        List<String> declared = new ArrayList<>();
        for (String argument : workload.getCommand()) {
            declared.add(resolve(argument, contextJson));
        }
        if (declared.isEmpty()) {
            throw new WorkloadException("batchExecArc has no command to run");
        }
        List<String> command = image.resolve(declared);
        Map<String, String> platform = new LinkedHashMap<>();
        platform.put("CLS_ARC_PROPS_JSON", Json.records().writeValueAsString(props));
        platform.put("AWS_BATCH_JOB_ATTEMPT", "1");
        if (context.coveredManifestsURI() != null) { // a roll-up's run: what it reads (ADR-0012)
            platform.put(CoveredManifests.VARIABLE, context.coveredManifestsURI());
        }
        String lot = context.arcNotifyEvent().lot();
        Path log = logDir.resolve(lot + "-" + attemptId + ".log");
        int timeoutMin = workload.getBatchRuntimeProps() == null ? 0 : workload.getBatchRuntimeProps().getTimeoutMin();
        // the job's timeout, as Batch enforces it: a hung process fails the lot instead of holding the run forever
        int exit = image.run(command, image.environment(platform, workload.getEnvironment(), Map.of()), log, lot,
                Duration.ofMinutes(timeoutMin), String.join(" ", command) + " did not finish within timeoutMin="
                        + timeoutMin);
        ImageCommand.requireSuccess(exit, String.join(" ", command), "", log);
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

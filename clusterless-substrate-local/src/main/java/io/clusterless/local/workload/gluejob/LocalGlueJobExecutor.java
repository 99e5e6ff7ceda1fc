package io.clusterless.local.workload.gluejob;

import io.clusterless.arc.ArcProps;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.engine.workload.gluejob.GlueJobWorkload;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.local.process.WorkloadLeases;
import io.clusterless.local.process.WorkloadProcess;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.model.core.arc.gluejob.GlueJobSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A glueJobArc's run for one lot on one machine: the engine's {@link GlueJobWorkload} clears the lot's sink folders,
 * the script runs as a local process ({@code python3 script …} or {@code spark-submit script …}) with the arguments
 * the state machine gives the Glue job (spark-submit also gets the S3A settings of the endpoint), AWS SDK settings pointing at the local S3 endpoint with the arc's
 * credentials, and the job's timeout; then the folders are listed into the sink manifests. A lot whose sinks have
 * their final manifests already does not run the script again. A failed run's error is the script's exit status
 * and the last line it wrote, so cls gaps shows why.
 */
final class LocalGlueJobExecutor implements LocalExecutor {
    private final GlueJobSettings settings;
    private final Path program;
    private final Path script;
    private final Map<String, String> awsEnvironment;
    private final String path;
    private final GlueJobWorkload workload;
    private final Path logDir;
    private final WorkloadLeases leases;

    LocalGlueJobExecutor(GlueJobSettings settings, Path program, Path script, Map<String, String> awsEnvironment,
                         String path, ObjectStore store, Path logDir, WorkloadLeases leases) {
        this.settings = settings;
        this.program = program;
        this.script = script;
        this.awsEnvironment = Map.copyOf(awsEnvironment);
        this.path = path;
        this.workload = new GlueJobWorkload(store);
        this.logDir = logDir;
        this.leases = leases;
    }

    @Override
    public Map<String, String> run(ArcWorkloadContext context, ArcProps props, String attemptId) throws Exception {
        GlueJobWorkload.JobLot job = workload.prepare(context, props);
        if (job.finished()) {
            return workload.finish(job, attemptId, null);
        }
        workload.clear(job);
        List<String> command = new ArrayList<>(List.of(program.toString()));
        if (!settings.pythonShell()) {
            command.addAll(sparkConf(awsEnvironment.get("AWS_ENDPOINT_URL")));
        }
        command.add(script.toString());
        command.addAll(GlueJobWorkload.arguments(job, props, attemptId, settings.getArguments()));
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        environment.remove("AWS_PROFILE");
        environment.remove("AWS_SESSION_TOKEN");
        if (path != null) {
            environment.put("PATH", path);
        }
        environment.putAll(awsEnvironment);
        environment.put("CLS_LOCAL", "true");
        Files.createDirectories(logDir);
        Path log = logDir.resolve(job.lot() + "-" + attemptId + ".log");
        int exit;
        try (WorkloadProcess process = WorkloadProcess.start(command, script.getParent(), environment, log, job.lot(),
                leases)) {
            // Glue stops a run at the job's timeout and fails it; so does this
            exit = process.await(Duration.ofMinutes(settings.getTimeoutMin()));
        } catch (WorkloadProcess.TimeoutException e) {
            throw new WorkloadException("the Glue job " + script.getFileName() + " did not finish within timeoutMin="
                    + settings.getTimeoutMin() + "; output in " + log);
        }
        if (exit != 0) {
            throw new WorkloadException("the Glue job " + script.getFileName() + " exited with " + exit + lastLine(log)
                    + "; output in " + log);
        }
        return workload.finish(job, attemptId, "local " + settings.getJobType() + " run of "
                + script.getFileName());
    }

    /**
     * Spark's S3A connector on the local endpoint: it reads neither {@code AWS_ENDPOINT_URL} nor path-style settings
     * from the environment (the credentials it does read from there), and Glue scripts name objects {@code s3://}.
     */
    static List<String> sparkConf(String endpoint) {
        List<String> conf = new ArrayList<>();
        for (String setting : List.of("spark.hadoop.fs.s3a.endpoint=" + endpoint,
                "spark.hadoop.fs.s3a.path.style.access=true",
                "spark.hadoop.fs.s3a.connection.ssl.enabled=" + String.valueOf(endpoint).startsWith("https:"),
                "spark.hadoop.fs.s3.impl=org.apache.hadoop.fs.s3a.S3AFileSystem")) {
            conf.add("--conf");
            conf.add(setting);
        }
        return conf;
    }

    /** ": <the last line the script wrote>", e.g. a Python exception, or nothing. */
    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).toList();
            return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            return "";
        }
    }
}

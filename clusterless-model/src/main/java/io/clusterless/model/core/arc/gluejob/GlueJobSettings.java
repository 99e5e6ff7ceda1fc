package io.clusterless.model.core.arc.gluejob;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Architecture;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.model.WorkloadSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WorkloadSettings of a glueJobArc. Glue version, workers and capacity have no fixed default: what Glue accepts
 * depends on the job type ({@link #glueVersionOrDefault()} and the others give the type's).
 */
@JsonPropertyOrder({"scriptPath", "jobType", "glueVersion", "workerType", "numberOfWorkers", "maxCapacity",
        "arguments", "timeoutMin", "maxConcurrentRuns", "runtimeProps"})
public class GlueJobSettings implements WorkloadSettings {
    public static final String GLUEETL = "glueetl";
    public static final String PYTHONSHELL = "pythonshell";

    @JsonPropertyDescription("The job's Python script, relative to the project file; uploaded as a CDK asset.")
    private String scriptPath;
    @JsonPropertyDescription("glueetl (Spark, default) or pythonshell (plain Python 3.9).")
    private String jobType = GLUEETL;
    @JsonPropertyDescription("Glue version: glueetl 2.0 to 5.0 (default 5.0); pythonshell 3.0 (the default).")
    private String glueVersion;
    @JsonPropertyDescription("glueetl only: G.1X (default), G.2X, G.4X or G.8X (G.4X and G.8X from Glue 3.0).")
    private String workerType;
    @JsonPropertyDescription("glueetl only: how many workers, 2 or more (default 2).")
    private Integer numberOfWorkers;
    @JsonPropertyDescription("pythonshell only: DPUs, 0.0625 (default) or 1.")
    private Double maxCapacity;
    @JsonPropertyDescription("More job arguments, \"--name\": \"value\"; names starting with --cls- are cls's own.")
    private Map<String, String> arguments = new LinkedHashMap<>();
    @JsonPropertyDescription("Minutes a job run may take before Glue stops it and the lot fails, 1 to 2880.")
    private int timeoutMin = 60;
    @JsonPropertyDescription("Job runs (lots) that may run at the same time; Glue's own default, 1, would fail a "
            + "second lot that starts while one runs.")
    private int maxConcurrentRuns = 10;
    @JsonPropertyDescription("Lambda props of cls's function that prepares each lot's folder and lists the job's "
            + "output.")
    private LambdaRuntimeProps runtimeProps = new LambdaRuntimeProps(512, 2, 5, Architecture.ARM_64);

    public String getScriptPath() {
        return scriptPath;
    }

    public String getJobType() {
        return jobType;
    }

    public boolean pythonShell() {
        return PYTHONSHELL.equals(jobType);
    }

    public String getGlueVersion() {
        return glueVersion;
    }

    public String glueVersionOrDefault() {
        return glueVersion != null ? glueVersion : pythonShell() ? "3.0" : "5.0";
    }

    public String getWorkerType() {
        return workerType;
    }

    /** null for pythonshell, which runs on a capacity instead of workers. */
    public String workerTypeOrDefault() {
        return workerType != null || pythonShell() ? workerType : "G.1X";
    }

    public Integer getNumberOfWorkers() {
        return numberOfWorkers;
    }

    /** null for pythonshell. */
    public Integer numberOfWorkersOrDefault() {
        return numberOfWorkers != null || pythonShell() ? numberOfWorkers : Integer.valueOf(2);
    }

    public Double getMaxCapacity() {
        return maxCapacity;
    }

    /** null for glueetl, whose capacity is its workers. */
    public Double maxCapacityOrDefault() {
        return maxCapacity != null || !pythonShell() ? maxCapacity : Double.valueOf(0.0625);
    }

    public Map<String, String> getArguments() {
        return arguments;
    }

    public int getTimeoutMin() {
        return timeoutMin;
    }

    public int getMaxConcurrentRuns() {
        return maxConcurrentRuns;
    }

    public LambdaRuntimeProps getRuntimeProps() {
        return runtimeProps;
    }
}

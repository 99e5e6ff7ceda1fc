package io.clusterless.model.core.arc.gluejob;

import io.clusterless.model.SinkDataset;
import io.clusterless.model.load.Problem;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.RuleContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A glueJobArc Glue accepts and cls can run: a Python script beside the project file, a job type, and the Glue
 * version, worker and capacity settings Glue takes for that type (CreateJob refuses the others at deploy time); at
 * least one S3 sink, whose lot folders the script writes.
 */
final class GlueJobRule implements ComponentRule<GlueJobArc> {
    private static final Set<String> ETL_VERSIONS = Set.of("2.0", "3.0", "4.0", "5.0");
    private static final List<String> ETL_WORKERS = List.of("G.1X", "G.2X", "G.4X", "G.8X");
    private static final int MAX_TIMEOUT_MIN = 2880;

    @Override
    public Concern concern() {
        return Concern.SETTINGS;
    }

    @Override
    public void check(Located<GlueJobArc> arc, RuleContext context, List<Problem> problems) {
        GlueJobSettings settings = arc.value().getWorkload();
        script(arc, settings, context, problems);
        String type = settings.getJobType();
        if (GlueJobSettings.PYTHONSHELL.equals(type)) {
            pythonShell(arc, settings, problems);
        } else if (GlueJobSettings.GLUEETL.equals(type)) {
            etl(arc, settings, problems);
        } else {
            problems.add(arc.problemAt("jobType \"" + type + "\" is not a Glue job type cls runs; use glueetl "
                    + "(Spark) or pythonshell", "workload", "jobType"));
        }
        if (settings.getTimeoutMin() < 1 || settings.getTimeoutMin() > MAX_TIMEOUT_MIN) {
            problems.add(arc.problemAt("timeoutMin " + settings.getTimeoutMin() + " is out of Glue's range; use 1 to "
                    + MAX_TIMEOUT_MIN, "workload", "timeoutMin"));
        }
        if (settings.getMaxConcurrentRuns() < 1) {
            problems.add(arc.problemAt("maxConcurrentRuns " + settings.getMaxConcurrentRuns() + " is out of range; "
                    + "use 1 or more", "workload", "maxConcurrentRuns"));
        }
        arguments(arc, settings, problems);
        sinks(arc, problems);
    }

    private static void script(Located<GlueJobArc> arc, GlueJobSettings settings, RuleContext context,
                               List<Problem> problems) {
        String scriptPath = settings.getScriptPath();
        if (scriptPath == null || scriptPath.isBlank()) {
            problems.add(arc.problemAt("scriptPath is required: the job's Python script, relative to the project "
                    + "file", "workload", "scriptPath"));
            return;
        }
        if (!scriptPath.endsWith(".py")) {
            problems.add(arc.problemAt("scriptPath \"" + scriptPath + "\" is not a Python script (.py); cls runs "
                    + "Python Glue jobs only", "workload", "scriptPath"));
            return;
        }
        Path projectFile = arc.file().source().path();
        if (!context.options().localFiles() || projectFile == null) {
            return;
        }
        Path dir = projectFile.toAbsolutePath().normalize().getParent();
        Path script = dir.resolve(scriptPath).normalize();
        if (!script.startsWith(dir)) {
            problems.add(arc.problemAt("scriptPath \"" + scriptPath + "\" is outside the project folder " + dir
                    + "; put the script beside the project file", "workload", "scriptPath"));
        } else if (!Files.isRegularFile(script)) {
            problems.add(arc.problemAt("scriptPath \"" + scriptPath + "\" is not a file (looked at " + script
                    + "); name the job's script relative to the project file", "workload", "scriptPath"));
        }
    }

    private static void pythonShell(Located<GlueJobArc> arc, GlueJobSettings settings, List<Problem> problems) {
        if (settings.getGlueVersion() != null && !settings.getGlueVersion().equals("3.0")) {
            problems.add(arc.problemAt("glueVersion " + settings.getGlueVersion() + " does not run pythonshell "
                    + "jobs; use 3.0 (Python 3.9) or leave it out", "workload", "glueVersion"));
        }
        if (settings.getWorkerType() != null) {
            problems.add(arc.problemAt("workerType is for glueetl jobs; a pythonshell job runs on maxCapacity "
                    + "(0.0625 or 1): remove workerType", "workload", "workerType"));
        }
        if (settings.getNumberOfWorkers() != null) {
            problems.add(arc.problemAt("numberOfWorkers is for glueetl jobs; a pythonshell job runs on maxCapacity "
                    + "(0.0625 or 1): remove numberOfWorkers", "workload", "numberOfWorkers"));
        }
        Double capacity = settings.getMaxCapacity();
        if (capacity != null && capacity != 0.0625 && capacity != 1.0) {
            problems.add(arc.problemAt("maxCapacity " + capacity + " is not one Glue takes for pythonshell jobs; "
                    + "use 0.0625 or 1", "workload", "maxCapacity"));
        }
    }

    private static void etl(Located<GlueJobArc> arc, GlueJobSettings settings, List<Problem> problems) {
        String version = settings.glueVersionOrDefault();
        if (!ETL_VERSIONS.contains(version)) {
            problems.add(arc.problemAt("glueVersion " + version + " does not run glueetl jobs; use 2.0, 3.0, 4.0 "
                    + "or 5.0", "workload", "glueVersion"));
        }
        String worker = settings.workerTypeOrDefault();
        if (!ETL_WORKERS.contains(worker)) {
            problems.add(arc.problemAt("workerType " + worker + " is not a glueetl worker type; use one of "
                    + ETL_WORKERS, "workload", "workerType"));
        } else if (version.equals("2.0") && (worker.equals("G.4X") || worker.equals("G.8X"))) {
            problems.add(arc.problemAt("workerType " + worker + " needs glueVersion 3.0 or later; use G.1X or G.2X "
                    + "on 2.0", "workload", "workerType"));
        }
        Integer workers = settings.numberOfWorkersOrDefault();
        if (workers != null && workers < 2) {
            problems.add(arc.problemAt("numberOfWorkers " + workers + " is too few for a glueetl job; use 2 or more",
                    "workload", "numberOfWorkers"));
        }
        if (settings.getMaxCapacity() != null) {
            problems.add(arc.problemAt("maxCapacity is for pythonshell jobs; a glueetl job's capacity is "
                    + "workerType and numberOfWorkers: remove maxCapacity", "workload", "maxCapacity"));
        }
    }

    private static void arguments(Located<GlueJobArc> arc, GlueJobSettings settings, List<Problem> problems) {
        Map<String, String> arguments = settings.getArguments() == null ? Map.of() : settings.getArguments();
        arguments.forEach((name, value) -> {
            if (!name.startsWith("--") || name.length() < 3) {
                problems.add(arc.problemAt("argument \"" + name + "\" must be named --name, as Glue passes it",
                        "workload", "arguments", name));
            } else if (name.startsWith(GlueJobArguments.RESERVED)) {
                problems.add(arc.problemAt("argument " + name + " uses the " + GlueJobArguments.RESERVED
                        + " prefix, which is cls's own; rename it", "workload", "arguments", name));
            } else if (value == null) {
                problems.add(arc.problemAt("argument " + name + " has no value; give a string", "workload",
                        "arguments", name));
            }
        });
    }

    private static void sinks(Located<GlueJobArc> arc, List<Problem> problems) {
        Map<String, SinkDataset> sinks = arc.value().getSinks();
        if (sinks.isEmpty()) {
            problems.add(arc.problemAt("a glueJobArc writes at least one sink: give one in sinks", "sinks"));
        }
        sinks.forEach((role, sink) -> {
            String uri = sink.getPathURI();
            if (uri == null || !uri.startsWith("s3://") || uri.substring(5).indexOf('/') < 1) {
                problems.add(arc.problemAt("sink pathURI must be s3://bucket/prefix/ (the job writes the lot's "
                        + "output under <pathURI>lot=<LOT>/), found " + uri, "sinks", role, "pathURI"));
            }
        });
    }
}

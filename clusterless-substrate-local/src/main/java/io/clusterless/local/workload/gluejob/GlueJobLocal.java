package io.clusterless.local.workload.gluejob;

import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.workload.LocalArcType;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.local.workload.LocalExecutorContext;
import io.clusterless.local.workload.function.FunctionLaunchers;
import io.clusterless.model.core.arc.gluejob.GlueJobArc;
import io.clusterless.model.core.arc.gluejob.GlueJobSettings;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * glueJobArc on one machine ({@link LocalGlueJobExecutor}): a pythonshell job's script runs with {@code python3}, a
 * glueetl job's with {@code spark-submit}; the arc is refused before any lot runs when that program is not on the
 * PATH or the script is missing.
 */
public final class GlueJobLocal implements LocalArcType {
    static final String PYTHON = "python3";
    static final String SPARK_SUBMIT = "spark-submit";

    @Override
    public String componentType() {
        return GlueJobArc.TYPE;
    }

    @Override
    public LocalExecutor executor(LocalPlan.ArcEntry arc, LocalExecutorContext context) {
        GlueJobArc glue = (GlueJobArc) arc.model();
        GlueJobSettings settings = glue.getWorkload();
        String program = settings.pythonShell() ? PYTHON : SPARK_SUBMIT;
        Path found = FunctionLaunchers.onPath(program, context.path()).orElseThrow(() -> new IllegalArgumentException(
                "arc " + glue.getName() + ": a " + settings.getJobType() + " Glue job runs locally with " + program
                        + ", which is not on the PATH; install " + (settings.pythonShell() ? "Python 3"
                        : "Apache Spark (its bin/ holds spark-submit)") + " or put it on the PATH"));
        Path script = context.projectDir().resolve(String.valueOf(settings.getScriptPath())).normalize()
                .toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("arc " + glue.getName() + ": scriptPath '" + settings.getScriptPath()
                    + "' is not a file beside the project file (" + script + ")");
        }
        return new LocalGlueJobExecutor(settings, found, script, context.endpointEnvironment(arc), context.path(),
                context.store(), context.logDir(glue.getName()), context.leases());
    }
}

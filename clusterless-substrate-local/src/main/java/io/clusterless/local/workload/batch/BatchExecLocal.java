package io.clusterless.local.workload.batch;

import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.workload.LocalArcType;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.local.workload.LocalExecutorContext;
import io.clusterless.model.core.arc.batch.BatchExecArc;

import java.nio.file.Files;
import java.nio.file.Path;

/** batchExecArc on one machine: its command runs as a local process in imagePath ({@link LocalBatchExecutor}). */
public final class BatchExecLocal implements LocalArcType {
    @Override
    public String componentType() {
        return BatchExecArc.TYPE;
    }

    @Override
    public LocalExecutor executor(LocalPlan.ArcEntry arc, LocalExecutorContext context) {
        BatchExecArc batch = (BatchExecArc) arc.model();
        String imagePath = batch.getWorkload().getImagePath();
        Path image = imagePath == null ? context.projectDir() : context.projectDir().resolve(imagePath);
        // beside the project file, else (as files written for the original expect) the working directory
        if (!Files.isDirectory(image) && imagePath != null && Files.isDirectory(Path.of(imagePath))) {
            image = Path.of(imagePath);
        }
        if (!Files.isDirectory(image)) {
            throw new IllegalArgumentException("arc " + batch.getName() + ": imagePath '" + imagePath
                    + "' is not a folder beside the project file (" + image.toAbsolutePath().normalize()
                    + ") nor in the working directory (" + Path.of(String.valueOf(imagePath)).toAbsolutePath()
                    .normalize() + ")");
        }
        return new LocalBatchExecutor(batch.getWorkload(), image.toAbsolutePath(), context.endpointEnvironment(arc),
                context.store(), context.logDir(batch.getName()), context.leases());
    }
}

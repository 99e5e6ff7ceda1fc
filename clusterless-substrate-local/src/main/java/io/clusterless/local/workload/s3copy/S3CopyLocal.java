package io.clusterless.local.workload.s3copy;

import io.clusterless.engine.workload.s3copy.S3CopyWorkload;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.workload.LocalArcType;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.local.workload.LocalExecutorContext;
import io.clusterless.model.core.arc.s3copy.S3CopyArc;

/** s3CopyArc on one machine: the engine's copy workload over the folder-backed store, in-process. */
public final class S3CopyLocal implements LocalArcType {
    @Override
    public String componentType() {
        return S3CopyArc.TYPE;
    }

    @Override
    public LocalExecutor executor(LocalPlan.ArcEntry arc, LocalExecutorContext context) {
        S3CopyWorkload copy = new S3CopyWorkload(context.store());
        return copy::run;
    }
}

package io.clusterless.local.workload.probe;

import io.clusterless.engine.workload.s3copy.S3CopyWorkload;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.workload.LocalArcType;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.local.workload.LocalExecutorContext;
import io.clusterless.model.core.arc.probe.ProbeArc;

/** The test type {@value ProbeArc#TYPE} on one machine: its settings are a copy arc's, so the engine's copy runs. */
public final class ProbeLocal implements LocalArcType {
    @Override
    public String componentType() {
        return ProbeArc.TYPE;
    }

    @Override
    public LocalExecutor executor(LocalPlan.ArcEntry arc, LocalExecutorContext context) {
        S3CopyWorkload copy = new S3CopyWorkload(context.store());
        return copy::run;
    }
}

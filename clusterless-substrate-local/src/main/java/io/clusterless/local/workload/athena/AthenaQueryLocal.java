package io.clusterless.local.workload.athena;

import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.workload.LocalArcType;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.local.workload.LocalExecutorContext;
import io.clusterless.model.core.arc.athena.AthenaQueryArc;

/** athenaQueryArc on one machine: the lot's SELECT run by DuckDB in process ({@link LocalAthenaWorkload}). */
public final class AthenaQueryLocal implements LocalArcType {
    @Override
    public String componentType() {
        return AthenaQueryArc.TYPE;
    }

    @Override
    public LocalExecutor executor(LocalPlan.ArcEntry arc, LocalExecutorContext context) {
        return LocalAthenaWorkload.of((AthenaQueryArc) arc.model(), context.plan().deployables(), context.projectDir(),
                context.root(), context.store(), context.catalog(), context.parallelism());
    }
}

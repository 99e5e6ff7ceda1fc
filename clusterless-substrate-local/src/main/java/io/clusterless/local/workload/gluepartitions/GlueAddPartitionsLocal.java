package io.clusterless.local.workload.gluepartitions;

import io.clusterless.engine.workload.glue.GlueAddPartitionsWorkload;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.workload.LocalArcType;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.local.workload.LocalExecutorContext;
import io.clusterless.model.core.arc.gluepartitions.GlueAddPartitionsArc;

/** glueAddPartitionsArc on one machine: the engine's workload, adding partitions to the local catalog's files. */
public final class GlueAddPartitionsLocal implements LocalArcType {
    @Override
    public String componentType() {
        return GlueAddPartitionsArc.TYPE;
    }

    @Override
    public LocalExecutor executor(LocalPlan.ArcEntry arc, LocalExecutorContext context) {
        GlueAddPartitionsWorkload glue = new GlueAddPartitionsWorkload(context.store(), context.catalog());
        return glue::run;
    }
}

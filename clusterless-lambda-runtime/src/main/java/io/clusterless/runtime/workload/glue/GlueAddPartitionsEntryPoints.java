package io.clusterless.runtime.workload.glue;

import io.clusterless.engine.entry.LambdaEntryPoints;
import io.clusterless.engine.entry.LambdaFunction;
import io.clusterless.model.core.arc.gluepartitions.GlueAddPartitionsArc;
import io.clusterless.runtime.arc.ArcGates;

import java.util.List;

/** glueAddPartitionsArc's functions: the gates, and {@link GlueAddPartitionsHandler} as {@code func}. */
public final class GlueAddPartitionsEntryPoints implements LambdaEntryPoints {
    @Override
    public String componentType() {
        return GlueAddPartitionsArc.TYPE;
    }

    @Override
    public List<LambdaFunction> functions() {
        return ArcGates.with(LambdaFunction.workload("func", GlueAddPartitionsHandler.class));
    }
}

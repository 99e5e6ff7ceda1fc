package io.clusterless.runtime.workload.athena;

import io.clusterless.engine.entry.LambdaEntryPoints;
import io.clusterless.engine.entry.LambdaFunction;
import io.clusterless.model.core.arc.athena.AthenaQueryArc;
import io.clusterless.runtime.arc.ArcGates;

import java.util.List;

/**
 * athenaQueryArc's functions: the gates, and {@link AthenaQueryHandler} as {@code func}, the workload function on
 * either side of the state machine's Athena task (prepare the lot's UNLOAD, then write its sink manifest).
 */
public final class AthenaQueryEntryPoints implements LambdaEntryPoints {
    @Override
    public String componentType() {
        return AthenaQueryArc.TYPE;
    }

    @Override
    public List<LambdaFunction> functions() {
        return ArcGates.with(LambdaFunction.workload("func", AthenaQueryHandler.class));
    }
}

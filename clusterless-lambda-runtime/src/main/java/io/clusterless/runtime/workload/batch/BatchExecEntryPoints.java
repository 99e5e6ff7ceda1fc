package io.clusterless.runtime.workload.batch;

import io.clusterless.engine.entry.LambdaEntryPoints;
import io.clusterless.engine.entry.LambdaFunction;
import io.clusterless.model.core.arc.batch.BatchExecArc;
import io.clusterless.runtime.arc.ArcGates;

import java.util.List;

/**
 * batchExecArc's functions: the gates, and {@link BatchResultHandler} as {@code result}, which collects the sink
 * manifests the Batch job wrote (the job itself is a container, not a function).
 */
public final class BatchExecEntryPoints implements LambdaEntryPoints {
    @Override
    public String componentType() {
        return BatchExecArc.TYPE;
    }

    @Override
    public List<LambdaFunction> functions() {
        return ArcGates.with(LambdaFunction.workload("result", BatchResultHandler.class));
    }
}

package io.clusterless.runtime.workload.gluejob;

import io.clusterless.engine.entry.LambdaEntryPoints;
import io.clusterless.engine.entry.LambdaFunction;
import io.clusterless.model.core.arc.gluejob.GlueJobArc;
import io.clusterless.runtime.arc.ArcGates;

import java.util.List;

/**
 * glueJobArc's functions: the gates, and {@link GlueJobHandler} as {@code func}, the workload function on either side
 * of the state machine's Glue task (clear the lot's folders, then write its sink manifests).
 */
public final class GlueJobEntryPoints implements LambdaEntryPoints {
    @Override
    public String componentType() {
        return GlueJobArc.TYPE;
    }

    @Override
    public List<LambdaFunction> functions() {
        return ArcGates.with(LambdaFunction.workload("func", GlueJobHandler.class));
    }
}

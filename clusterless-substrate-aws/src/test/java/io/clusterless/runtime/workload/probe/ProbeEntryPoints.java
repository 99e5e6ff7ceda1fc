package io.clusterless.runtime.workload.probe;

import io.clusterless.engine.entry.LambdaEntryPoints;
import io.clusterless.engine.entry.LambdaFunction;
import io.clusterless.model.core.arc.probe.ProbeArc;
import io.clusterless.runtime.arc.ArcGates;
import io.clusterless.runtime.workload.s3copy.S3CopyHandler;

import java.util.List;

/**
 * The Lambda entry points of the test type {@value ProbeArc#TYPE}: the gates, and the copy handler as {@code func}
 * (the type is only synthesized, never invoked, so any workload handler serves).
 */
public final class ProbeEntryPoints implements LambdaEntryPoints {
    @Override
    public String componentType() {
        return ProbeArc.TYPE;
    }

    @Override
    public List<LambdaFunction> functions() {
        return ArcGates.with(LambdaFunction.workload("func", S3CopyHandler.class));
    }
}

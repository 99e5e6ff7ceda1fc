package io.clusterless.runtime.workload.s3copy;

import io.clusterless.engine.entry.LambdaEntryPoints;
import io.clusterless.engine.entry.LambdaFunction;
import io.clusterless.model.core.arc.s3copy.S3CopyArc;
import io.clusterless.runtime.arc.ArcGates;

import java.util.List;

/** s3CopyArc's functions: the gates, and {@link S3CopyHandler} as {@code func}. */
public final class S3CopyEntryPoints implements LambdaEntryPoints {
    @Override
    public String componentType() {
        return S3CopyArc.TYPE;
    }

    @Override
    public List<LambdaFunction> functions() {
        return ArcGates.with(LambdaFunction.workload("func", S3CopyHandler.class));
    }
}

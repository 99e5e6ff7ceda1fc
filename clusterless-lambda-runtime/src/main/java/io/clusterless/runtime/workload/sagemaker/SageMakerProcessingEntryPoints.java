package io.clusterless.runtime.workload.sagemaker;

import io.clusterless.engine.entry.LambdaEntryPoints;
import io.clusterless.engine.entry.LambdaFunction;
import io.clusterless.model.core.arc.sagemaker.SageMakerProcessingArc;
import io.clusterless.runtime.arc.ArcGates;

import java.util.List;

/** sageMakerProcessingArc's functions: the gates, and {@link SageMakerJobHandler} as {@code func} around the job. */
public final class SageMakerProcessingEntryPoints implements LambdaEntryPoints {
    @Override
    public String componentType() {
        return SageMakerProcessingArc.TYPE;
    }

    @Override
    public List<LambdaFunction> functions() {
        return ArcGates.with(LambdaFunction.workload("func", SageMakerJobHandler.class));
    }
}

package io.clusterless.runtime.workload.sagemaker;

import io.clusterless.engine.entry.LambdaEntryPoints;
import io.clusterless.engine.entry.LambdaFunction;
import io.clusterless.model.core.arc.sagemaker.SageMakerTrainingArc;
import io.clusterless.runtime.arc.ArcGates;

import java.util.List;

/** sageMakerTrainingArc's functions: the gates, and {@link SageMakerJobHandler} as {@code func} around the job. */
public final class SageMakerTrainingEntryPoints implements LambdaEntryPoints {
    @Override
    public String componentType() {
        return SageMakerTrainingArc.TYPE;
    }

    @Override
    public List<LambdaFunction> functions() {
        return ArcGates.with(LambdaFunction.workload("func", SageMakerJobHandler.class));
    }
}

package io.clusterless.local.workload.sagemaker;

import io.clusterless.engine.workload.sagemaker.SageMakerLayout;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.workload.LocalArcType;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.local.workload.LocalExecutorContext;
import io.clusterless.model.core.arc.sagemaker.SageMakerTrainingArc;

/** sageMakerTrainingArc on one machine: its command runs as a local process in imagePath ({@link LocalSageMakerExecutor}). */
public final class SageMakerTrainingLocal implements LocalArcType {
    @Override
    public String componentType() {
        return SageMakerTrainingArc.TYPE;
    }

    @Override
    public LocalExecutor executor(LocalPlan.ArcEntry arc, LocalExecutorContext context) {
        return LocalSageMakerExecutor.of(SageMakerLayout.Kind.training, arc, context);
    }
}

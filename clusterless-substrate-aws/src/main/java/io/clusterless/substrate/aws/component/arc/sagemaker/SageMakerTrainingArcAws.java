package io.clusterless.substrate.aws.component.arc.sagemaker;

import io.clusterless.engine.workload.sagemaker.SageMakerLayout;
import io.clusterless.model.core.arc.sagemaker.SageMakerTrainingArc;
import io.clusterless.substrate.aws.component.ArcWorkloadConstruct;
import io.clusterless.substrate.aws.construct.ArcContext;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;

import java.util.List;

/** The AWS part of {@value SageMakerTrainingArc#TYPE}. */
public final class SageMakerTrainingArcAws implements ArcWorkloadConstruct {
    @Override
    public String type() {
        return SageMakerTrainingArc.TYPE;
    }

    @Override
    public List<TaskStateBase> tasks(ArcContext arc) {
        return new SageMakerJobConstruct(SageMakerLayout.Kind.training).tasks(arc);
    }
}

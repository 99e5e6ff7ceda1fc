package io.clusterless.substrate.aws.component.arc.sagemaker;

import io.clusterless.engine.workload.sagemaker.SageMakerLayout;
import io.clusterless.model.core.arc.sagemaker.SageMakerProcessingArc;
import io.clusterless.substrate.aws.component.ArcWorkloadConstruct;
import io.clusterless.substrate.aws.construct.ArcContext;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;

import java.util.List;

/** The AWS part of {@value SageMakerProcessingArc#TYPE}. */
public final class SageMakerProcessingArcAws implements ArcWorkloadConstruct {
    @Override
    public String type() {
        return SageMakerProcessingArc.TYPE;
    }

    @Override
    public List<TaskStateBase> tasks(ArcContext arc) {
        return new SageMakerJobConstruct(SageMakerLayout.Kind.processing).tasks(arc);
    }
}

package io.clusterless.substrate.aws.component.arc.function;

import io.clusterless.model.core.arc.function.LambdaExecArc;
import io.clusterless.substrate.aws.component.ArcWorkloadConstruct;
import io.clusterless.substrate.aws.construct.ArcContext;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;

import java.util.List;

/** The AWS part of {@value LambdaExecArc#TYPE}. */
public final class LambdaExecArcAws implements ArcWorkloadConstruct {
    @Override
    public String type() {
        return LambdaExecArc.TYPE;
    }

    @Override
    public List<TaskStateBase> tasks(ArcContext arc) {
        return new LambdaExecArcConstruct().tasks(arc);
    }
}

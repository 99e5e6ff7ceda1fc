package io.clusterless.substrate.aws.component.arc.batch;

import io.clusterless.model.core.arc.batch.BatchExecArc;
import io.clusterless.substrate.aws.component.ArcWorkloadConstruct;
import io.clusterless.substrate.aws.construct.ArcContext;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;

import java.util.List;

/** The AWS part of {@value BatchExecArc#TYPE}. */
public final class BatchExecArcAws implements ArcWorkloadConstruct {
    @Override
    public String type() {
        return BatchExecArc.TYPE;
    }

    @Override
    public List<TaskStateBase> tasks(ArcContext arc) {
        return new BatchExecArcConstruct().tasks(arc);
    }
}

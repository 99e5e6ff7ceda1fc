package io.clusterless.substrate.aws.component.arc.athena;

import io.clusterless.model.core.arc.athena.AthenaQueryArc;
import io.clusterless.substrate.aws.component.ArcWorkloadConstruct;
import io.clusterless.substrate.aws.construct.ArcContext;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;

import java.util.List;

/** The AWS part of {@value AthenaQueryArc#TYPE}. */
public final class AthenaQueryArcAws implements ArcWorkloadConstruct {
    @Override
    public String type() {
        return AthenaQueryArc.TYPE;
    }

    @Override
    public List<TaskStateBase> tasks(ArcContext arc) {
        return new AthenaQueryArcConstruct().tasks(arc);
    }
}

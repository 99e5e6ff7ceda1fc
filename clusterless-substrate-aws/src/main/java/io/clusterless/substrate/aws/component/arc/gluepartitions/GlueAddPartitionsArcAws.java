package io.clusterless.substrate.aws.component.arc.gluepartitions;

import io.clusterless.model.core.arc.gluepartitions.GlueAddPartitionsArc;
import io.clusterless.substrate.aws.component.ArcWorkloadConstruct;
import io.clusterless.substrate.aws.construct.ArcContext;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;

import java.util.List;

/** The AWS part of {@value GlueAddPartitionsArc#TYPE}. */
public final class GlueAddPartitionsArcAws implements ArcWorkloadConstruct {
    @Override
    public String type() {
        return GlueAddPartitionsArc.TYPE;
    }

    @Override
    public List<TaskStateBase> tasks(ArcContext arc) {
        return new GlueAddPartitionsArcConstruct().tasks(arc);
    }
}

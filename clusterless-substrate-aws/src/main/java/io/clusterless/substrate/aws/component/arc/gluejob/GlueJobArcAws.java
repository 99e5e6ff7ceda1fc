package io.clusterless.substrate.aws.component.arc.gluejob;

import io.clusterless.model.core.arc.gluejob.GlueJobArc;
import io.clusterless.substrate.aws.component.ArcWorkloadConstruct;
import io.clusterless.substrate.aws.construct.ArcContext;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;

import java.util.List;

/** The AWS part of {@value GlueJobArc#TYPE}. */
public final class GlueJobArcAws implements ArcWorkloadConstruct {
    @Override
    public String type() {
        return GlueJobArc.TYPE;
    }

    @Override
    public List<TaskStateBase> tasks(ArcContext arc) {
        return new GlueJobArcConstruct().tasks(arc);
    }
}

package io.clusterless.substrate.aws.component.arc.s3copy;

import io.clusterless.model.core.arc.s3copy.S3CopyArc;
import io.clusterless.substrate.aws.component.ArcWorkloadConstruct;
import io.clusterless.substrate.aws.construct.ArcContext;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;

import java.util.List;

/** The AWS part of {@value S3CopyArc#TYPE}. */
public final class S3CopyArcAws implements ArcWorkloadConstruct {
    @Override
    public String type() {
        return S3CopyArc.TYPE;
    }

    @Override
    public List<TaskStateBase> tasks(ArcContext arc) {
        return new S3CopyArcConstruct().tasks(arc);
    }
}

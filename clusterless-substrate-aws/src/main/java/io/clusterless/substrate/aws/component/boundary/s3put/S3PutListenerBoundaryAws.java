package io.clusterless.substrate.aws.component.boundary.s3put;

import io.clusterless.engine.plan.BoundaryPlan;
import io.clusterless.model.core.boundary.s3put.S3PutListenerBoundary;
import io.clusterless.substrate.aws.component.BoundaryConstruct;
import io.clusterless.substrate.aws.construct.DeadLetters;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.constructs.Construct;

/** The AWS part of {@value S3PutListenerBoundary#TYPE}. */
public final class S3PutListenerBoundaryAws implements BoundaryConstruct {
    @Override
    public String type() {
        return S3PutListenerBoundary.TYPE;
    }

    @Override
    public void build(Construct stack, ProjectScope project, BoundaryPlan plan, DeadLetters deadLetters) {
        new S3PutListenerBoundaryConstruct(stack, project, plan, deadLetters);
    }
}

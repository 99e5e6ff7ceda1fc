package io.clusterless.substrate.aws.component.activity.cloudwatch;

import io.clusterless.engine.plan.ActivityPlan;
import io.clusterless.model.core.activity.cloudwatch.CloudWatchExportActivity;
import io.clusterless.substrate.aws.component.ActivityConstruct;
import io.clusterless.substrate.aws.construct.DeadLetters;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.constructs.Construct;

/** The AWS part of {@value CloudWatchExportActivity#TYPE}. */
public final class CloudWatchExportActivityAws implements ActivityConstruct {
    @Override
    public String type() {
        return CloudWatchExportActivity.TYPE;
    }

    @Override
    public void build(Construct stack, ProjectScope project, ActivityPlan plan, DeadLetters deadLetters) {
        new CloudWatchExportConstruct(stack, project, plan, deadLetters);
    }
}

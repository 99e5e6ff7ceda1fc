package io.clusterless.substrate.aws.component;

import io.clusterless.engine.plan.ActivityPlan;
import io.clusterless.substrate.aws.construct.DeadLetters;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.constructs.Construct;

/**
 * The AWS part of an activity type: builds one planned activity into the grouped stack, its rule's undeliverable
 * events going to the stack's dead letters.
 */
public interface ActivityConstruct extends AwsComponent {
    void build(Construct stack, ProjectScope project, ActivityPlan plan, DeadLetters deadLetters);
}

package io.clusterless.substrate.aws.component;

import io.clusterless.engine.plan.BoundaryPlan;
import io.clusterless.substrate.aws.construct.DeadLetters;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.constructs.Construct;

/**
 * The AWS part of a boundary type: builds one planned boundary into the grouped stack, its rule's undeliverable
 * events going to the stack's dead letters.
 */
public interface BoundaryConstruct extends AwsComponent {
    void build(Construct stack, ProjectScope project, BoundaryPlan plan, DeadLetters deadLetters);
}

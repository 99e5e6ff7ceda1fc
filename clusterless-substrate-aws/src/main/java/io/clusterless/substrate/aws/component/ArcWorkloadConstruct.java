package io.clusterless.substrate.aws.component;

import io.clusterless.substrate.aws.construct.ArcContext;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;

import java.util.List;

/**
 * The AWS part of an arc type: the CDK constructs of its workload in the arc stack, and the state machine tasks that
 * run it, in order. Each task reads {@code $.arcWorkloadContext}; the last one writes {@code $.sinkManifests}. The
 * arc stack adds the catch of every task and the gates around them.
 */
public interface ArcWorkloadConstruct extends AwsComponent {
    List<TaskStateBase> tasks(ArcContext arc);
}

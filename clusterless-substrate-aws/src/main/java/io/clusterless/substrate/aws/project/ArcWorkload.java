package io.clusterless.substrate.aws.project;

import software.amazon.awscdk.services.stepfunctions.TaskStateBase;

import java.util.List;

/**
 * The arc-type specific part of an arc stack: the workload's resources and the state machine tasks that run it, in
 * order. Each task reads {@code $.arcWorkloadContext}; the last one writes {@code $.sinkManifests}. The arc stack
 * adds the catch of every task and the gates around them.
 */
public interface ArcWorkload {
    List<TaskStateBase> tasks(ArcContext arc);
}

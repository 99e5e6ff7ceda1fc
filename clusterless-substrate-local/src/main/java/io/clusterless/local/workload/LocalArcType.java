package io.clusterless.local.workload;

import io.clusterless.local.plan.LocalPlan;

import java.util.Optional;

/**
 * One arc type on the local substrate, found with {@link java.util.ServiceLoader} by {@link #componentType()}
 * ({@code META-INF/services/io.clusterless.local.workload.LocalArcType}), declared in the type's own folder: how its
 * arcs execute on one machine, or why they cannot.
 */
public interface LocalArcType {
    /** The component type id, e.g. {@code aws:core:s3CopyArc}. */
    String componentType();

    /**
     * Why arcs of this type cannot run on one machine, in words for the user ({@code cls local run} shows it before
     * anything runs and runs the rest); empty where they can.
     */
    default Optional<String> notSupportedLocally() {
        return Optional.empty();
    }

    /**
     * The executor of one arc of this type, made once before any lot runs.
     *
     * @throws IllegalArgumentException naming what in the arc keeps it from running here (a missing folder, a
     *                                  runtime not on the PATH), so the run refuses to start with one line
     */
    LocalExecutor executor(LocalPlan.ArcEntry arc, LocalExecutorContext context);
}

package io.clusterless.engine.ops;

import io.clusterless.engine.exec.BackfillLot;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.store.ObjectStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The lots {@code cls exec} runs, and how.
 *
 * @param plan          the placement's plan
 * @param store         the placement's object store
 * @param lots          the selected lots, in order
 * @param maxConcurrent runs at once
 * @param projectDir    where the project files are (local workloads resolve relative paths against it)
 * @param reopener      called for each lot just before it runs (replay reopens complete lots there)
 */
public record ExecRequest(PlacementPlan plan, ObjectStore store, List<Lot> lots, int maxConcurrent, Path projectDir,
                          Reopener reopener, Clock clock) {
    /** A lot to run, with the project and arc it belongs to. */
    public record Lot(BackfillLot lot, ProjectPlan project, ArcPlan arc) {
    }

    /** Prepares a lot to run again. */
    public interface Reopener {
        /** @return whether the lot was reopened (it had completed before) */
        boolean reopen(Lot lot);
    }
}

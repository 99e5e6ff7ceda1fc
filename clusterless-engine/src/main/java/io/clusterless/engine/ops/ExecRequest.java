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
 * @param reopener      called for each lot just before it runs (replay reopens complete lots there, and with
 *                      {@code --downstream} the roll-up lots that cover them)
 * @param rollUps       roll-up lots {@code --replay --downstream} reopens (ADR-0012), in the order they are reopened:
 *                      the replays' announcements start those whose covered lots are all there. Each gets an
 *                      outcome: locally it then runs as a late tick would; on AWS it is {@code reopened}, started
 *                      by the announcement after exec returns, with a detail when it last ran late
 */
public record ExecRequest(PlacementPlan plan, ObjectStore store, List<Lot> lots, int maxConcurrent, Path projectDir,
                          Reopener reopener, Clock clock, List<RollUp> rollUps) {
    public ExecRequest {
        rollUps = rollUps == null ? List.of() : List.copyOf(rollUps);
    }

    /** A lot to run, with the project and arc it belongs to; a roll-up lot past its deadline has a late tick. */
    public record Lot(BackfillLot lot, ProjectPlan project, ArcPlan arc) {
    }

    /** A complete roll-up lot that covers a replayed lot. */
    public record RollUp(ProjectPlan project, ArcPlan arc, String lot) {
    }

    /** Prepares a lot to run again. */
    public interface Reopener {
        /** @return whether the lot was reopened (it had completed before) */
        boolean reopen(Lot lot);
    }
}

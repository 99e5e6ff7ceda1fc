package io.clusterless.local.run;

import io.clusterless.engine.arc.ScheduleFloor;
import io.clusterless.engine.plan.ScheduleTicks;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.lot.LotId;
import io.clusterless.model.ArcSchedule;

import java.time.Instant;
import java.util.List;

/**
 * A scheduled arc on one machine (ADR-0013): the ticks that come due, from the arc's floor (the first time it was
 * placed, recorded in the arc-state bucket and never moved) on. Which ticks ran is not kept here but in the arc
 * state: a tick whose lot has a state ran (or {@code cls exec} ran its lot), so a restart fires exactly the ticks
 * whose lot has none, and resumes those a killed run left {@code running}.
 */
final class LocalSchedule {
    private final LocalPlan.ArcEntry arc;
    private final ArcSchedule schedule;
    private final Instant floor;
    private Instant cursor;
    private boolean caughtUp;

    LocalSchedule(LocalPlan.ArcEntry arc, ArcSchedule schedule, ObjectStore store, Instant now) {
        this.arc = arc;
        this.schedule = schedule;
        this.floor = new ScheduleFloor(store, arc.gateProps().arcStateURI()).since(now);
        this.cursor = floor;
    }

    LocalPlan.ArcEntry arc() {
        return arc;
    }

    ArcSchedule schedule() {
        return schedule;
    }

    /** The ticks in {@code (last call, now]}; the first call returns every tick since the floor. */
    List<Instant> due(Instant now) {
        List<Instant> ticks = ScheduleTicks.between(schedule, floor, cursor, now);
        if (!ticks.isEmpty()) {
            cursor = ticks.get(ticks.size() - 1);
        }
        return ticks;
    }

    /** True once, for the first look: the catch-up after a start, when a {@code running} lot was left by a dead run. */
    boolean catchingUp() {
        boolean first = !caughtUp;
        caughtUp = true;
        return first;
    }

    LotId lotOf(Instant tick) {
        return ScheduleTicks.lotOf(schedule, tick);
    }
}

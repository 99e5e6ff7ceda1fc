package io.clusterless.engine.plan;

import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.model.ArcSchedule;
import io.clusterless.schedule.ScheduleExpression;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The ticks of a scheduled arc (ADR-0013) in a span of time, and the lots they run. */
public final class ScheduleTicks {
    private ScheduleTicks() {
    }

    /** Every tick in {@code (after, until]}, in order. */
    public static List<Instant> between(ArcSchedule schedule, Instant anchor, Instant after, Instant until) {
        List<Instant> ticks = new ArrayList<>();
        Instant tick = schedule.expression().next(after, anchor);
        while (tick != null && !tick.isAfter(until)) {
            ticks.add(tick);
            tick = schedule.expression().next(tick, anchor);
        }
        return ticks;
    }

    /** The lot a tick runs. */
    public static LotId lotOf(ArcSchedule schedule, Instant tick) {
        return ScheduleExpression.lotOf(schedule.lotUnit(), tick);
    }

    /**
     * The lots of the window that some tick runs, in order (a schedule slower than its unit skips lots). Rates that
     * divide a day need no anchor; others count from {@code anchor}. Only ticks until {@code now}: a lot whose tick
     * has not come has not ended, or may still receive data.
     */
    public static List<LotId> lotsIn(ArcSchedule schedule, LotRange window, Instant anchor, Instant now) {
        Set<LotId> lots = new LinkedHashSet<>();
        if (window.isEmpty() || window.unit() != schedule.lotUnit()) {
            return List.of();
        }
        // a tick runs the lot ending at or before it: ticks from the window's first end to a lot past its last
        Instant after = window.start().end().minusNanos(1);
        Instant until = window.endExclusive().end().isBefore(now) ? window.endExclusive().end() : now;
        for (Instant tick : between(schedule, anchor, after, until)) {
            LotId lot = lotOf(schedule, tick);
            if (window.contains(lot)) {
                lots.add(lot);
            }
        }
        return List.copyOf(lots);
    }
}

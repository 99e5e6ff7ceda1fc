package io.clusterless.model;

import io.clusterless.lot.LotUnit;
import io.clusterless.schedule.ScheduleExpression;

import java.util.Optional;

/**
 * A scheduled arc's schedule as the engine uses it (ADR-0013): the expression, and the unit of the lots its ticks
 * run, the arc's {@code lotUnit} or else the one the expression's period is.
 */
public record ArcSchedule(ScheduleExpression expression, LotUnit lotUnit) {
    /**
     * @return empty for an arc without a schedule
     * @throws IllegalArgumentException when the schedule or its lot unit is invalid (validation says so first)
     */
    public static Optional<ArcSchedule> of(Arc<?> arc) {
        if (arc.getSchedule() == null) {
            return Optional.empty();
        }
        ScheduleExpression expression = ScheduleExpression.parse(arc.getSchedule());
        LotUnit unit = arc.getLotUnit() != null ? LotUnit.parse(arc.getLotUnit())
                : expression.lotUnit().orElseThrow(() -> new IllegalArgumentException(needsLotUnit(expression)));
        return Optional.of(new ArcSchedule(expression, unit));
    }

    /** Why a schedule needs an explicit unit, and which to choose. */
    public static String needsLotUnit(ScheduleExpression expression) {
        return "schedule \"" + expression.text() + "\" does not tick once per lot of a unit, so the lot each tick "
                + "runs is unclear; add \"lotUnit\" (Fourths, Sixths, Twelfths, Hours or Days) or use a rate of "
                + "5, 10 or 15 minutes, 1 hour or 1 day, or a cron firing at the same minute every hour or day";
    }
}

package io.clusterless.schedule;

import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;

import java.time.Instant;
import java.util.Optional;

/**
 * When a scheduled arc runs (ADR-0013): an EventBridge schedule expression, {@code rate(1 hour)} or
 * {@code cron(0 2 * * ? *)}, always in UTC. The same text is synthesized into the arc's schedule rule and evaluated by
 * the local substrate, so both fire at the same instants.
 */
public sealed interface ScheduleExpression permits Rate, Cron {
    /**
     * Reads an expression as declared.
     *
     * @throws IllegalArgumentException saying what is wrong and what to write instead
     */
    static ScheduleExpression parse(String text) {
        String expression = text == null ? "" : text.strip();
        if (expression.startsWith("rate(") && expression.endsWith(")")) {
            return Rate.parse(expression.substring(5, expression.length() - 1));
        }
        if (expression.startsWith("cron(") && expression.endsWith(")")) {
            return Cron.parse(expression.substring(5, expression.length() - 1));
        }
        throw new IllegalArgumentException("schedule \"" + text + "\" is neither rate(VALUE UNIT) nor "
                + "cron(MINUTES HOURS DAY-OF-MONTH MONTH DAY-OF-WEEK YEAR); write e.g. \"rate(1 hour)\" or "
                + "\"cron(0 2 * * ? *)\"");
    }

    /** The expression as declared. */
    String text();

    /**
     * The first tick strictly after {@code after}, or null when the expression never fires again.
     *
     * @param anchor when the schedule began (its placement); only a rate that does not divide a day counts from it
     */
    Instant next(Instant after, Instant anchor);

    /** The lot unit a tick's lot has when the arc does not declare one: the tick period when it is a lot unit. */
    Optional<LotUnit> lotUnit();

    /**
     * What the AWS schedule rule says: a rate that divides a day becomes the cron that fires at the same UTC
     * instants (a rate rule counts from its creation, which would put ticks in the middle of lots).
     */
    String awsExpression();

    /** The lot a tick runs: the newest lot of {@code unit} that ended at or before the tick. */
    static LotId lotOf(LotUnit unit, Instant tick) {
        return LotId.of(unit, tick).previous();
    }
}

package io.clusterless.schedule;

import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The EventBridge expressions a scheduled arc declares, as cls evaluates them (ADR-0013). */
class ScheduleExpressionTest {
    private static final Instant ANCHOR = Instant.parse("2026-12-06T10:07:00Z");

    @Test
    void aRateThatDividesADayTicksOnTheLotBoundaries_notFromWhenItWasPlaced() {
        ScheduleExpression hourly = ScheduleExpression.parse("rate(1 hour)");
        assertThat(ticks(hourly, ANCHOR, 3)).containsExactly("2026-12-06T11:00:00Z", "2026-12-06T12:00:00Z",
                "2026-12-06T13:00:00Z");
        assertThat(hourly.awsExpression()).isEqualTo("cron(0 * * * ? *)");
        assertThat(ScheduleExpression.parse("rate(15 minutes)").awsExpression()).isEqualTo("cron(0/15 * * * ? *)");
        assertThat(ScheduleExpression.parse("rate(1 day)").awsExpression()).isEqualTo("cron(0 0 * * ? *)");
        assertThat(ScheduleExpression.parse("rate(6 hours)").awsExpression()).isEqualTo("cron(0 0/6 * * ? *)");
    }

    @Test
    void aRateThatDoesNotDivideADayCountsFromItsAnchor_andStaysARateOnAws() {
        ScheduleExpression rate = ScheduleExpression.parse("rate(7 minutes)");
        assertThat(ticks(rate, ANCHOR, 2)).containsExactly("2026-12-06T10:14:00Z", "2026-12-06T10:21:00Z");
        assertThat(rate.awsExpression()).isEqualTo("rate(7 minutes)");
        assertThat(rate.lotUnit()).isEmpty();
    }

    @Test
    void theLotUnitIsDerivedFromAPeriodThatIsOne() {
        assertThat(ScheduleExpression.parse("rate(1 hour)").lotUnit()).contains(LotUnit.HOURS);
        assertThat(ScheduleExpression.parse("rate(1 day)").lotUnit()).contains(LotUnit.DAYS);
        assertThat(ScheduleExpression.parse("rate(5 minutes)").lotUnit()).contains(LotUnit.TWELFTHS);
        assertThat(ScheduleExpression.parse("rate(10 minutes)").lotUnit()).contains(LotUnit.SIXTHS);
        assertThat(ScheduleExpression.parse("rate(15 minutes)").lotUnit()).contains(LotUnit.FOURTHS);
        assertThat(ScheduleExpression.parse("cron(0 2 * * ? *)").lotUnit()).contains(LotUnit.DAYS);
        assertThat(ScheduleExpression.parse("cron(30 * * * ? *)").lotUnit()).contains(LotUnit.HOURS);
        assertThat(ScheduleExpression.parse("cron(0/15 * * * ? *)").lotUnit()).contains(LotUnit.FOURTHS);
        assertThat(ScheduleExpression.parse("rate(2 hours)").lotUnit()).isEmpty();
        assertThat(ScheduleExpression.parse("cron(0 2 ? * MON-FRI *)").lotUnit()).isEmpty();
        assertThat(ScheduleExpression.parse("cron(0 2,3 * * ? *)").lotUnit()).isEmpty();
    }

    @Test
    void aCronFiresAtItsMinutesInUtc_acrossDaysAndMonths() {
        assertThat(ticks(ScheduleExpression.parse("cron(0 2 * * ? *)"), ANCHOR, 2))
                .containsExactly("2026-12-07T02:00:00Z", "2026-12-08T02:00:00Z");
        // 2026-12-06 is a Sunday; MON-FRI skips the weekend
        assertThat(ticks(ScheduleExpression.parse("cron(15 8 ? * MON-FRI *)"), Instant.parse("2026-12-04T09:00:00Z"), 2))
                .containsExactly("2026-12-07T08:15:00Z", "2026-12-08T08:15:00Z");
        assertThat(ticks(ScheduleExpression.parse("cron(0 0 1 JAN,JUL ? *)"), ANCHOR, 2))
                .containsExactly("2027-01-01T00:00:00Z", "2027-07-01T00:00:00Z");
        assertThat(ticks(ScheduleExpression.parse("cron(0 0 29 2 ? *)"), ANCHOR, 1))
                .containsExactly("2028-02-29T00:00:00Z");
        assertThat(ScheduleExpression.parse("cron(0 0 1 1 ? 2020)").next(ANCHOR, ANCHOR)).isNull();
    }

    @Test
    void aTickRunsTheLotThatJustEnded_evenWhenDeliveredSecondsLate() {
        assertThat(ScheduleExpression.lotOf(LotUnit.HOURS, Instant.parse("2026-12-06T02:00:00Z")))
                .isEqualTo(LotId.parse("20261206PT1H001"));
        assertThat(ScheduleExpression.lotOf(LotUnit.HOURS, Instant.parse("2026-12-06T02:00:06Z")))
                .isEqualTo(LotId.parse("20261206PT1H001"));
        assertThat(ScheduleExpression.lotOf(LotUnit.DAYS, Instant.parse("2026-12-07T02:00:00Z")))
                .isEqualTo(LotId.parse("20261206PT24H000"));
    }

    @Test
    void badExpressionsSayWhatToWrite() {
        assertThatThrownBy(() -> ScheduleExpression.parse("every hour")).hasMessageContaining("\"rate(1 hour)\"");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 hours)"))
                .hasMessageContaining("write \"rate(1 hour)\"");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(2 hour)"))
                .hasMessageContaining("write \"rate(2 hours)\"");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(0 minutes)")).hasMessageContaining("rate of 0");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 2 * * *)")).hasMessageContaining("has 5 fields");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 2 * * * *)"))
                .hasMessageContaining("exactly one of day-of-month and day-of-week");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(60 2 * * ? *)"))
                .hasMessageContaining("minutes field \"60\": 60 is outside 0-59");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 2 L * ? *)"))
                .hasMessageContaining("L, W and # are not supported");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 2 30 2 ? *)"))
                .hasMessageContaining("names no date that exists");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 2 ? * FUNDAY *)"))
                .hasMessageContaining("one of SUN, MON");
    }

    private static List<String> ticks(ScheduleExpression expression, Instant after, int count) {
        List<String> ticks = new ArrayList<>();
        Instant tick = after;
        for (int i = 0; i < count; i++) {
            tick = expression.next(tick, ANCHOR);
            ticks.add(tick.toString());
        }
        return ticks;
    }
}

package io.clusterless.schedule;

import io.clusterless.lot.LotUnit;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code cron(MINUTES HOURS DAY-OF-MONTH MONTH DAY-OF-WEEK YEAR)} as EventBridge reads it, in UTC: values, ranges
 * ({@code 1-5}), lists ({@code 1,15}), steps ({@code 0/15}, {@code *}{@code /5}), {@code *}, {@code ?}, month names
 * {@code JAN}-{@code DEC} and day names {@code SUN}-{@code SAT} (day 1 is Sunday). One of the two day fields must be
 * {@code ?}. {@code L}, {@code W} and {@code #} are refused rather than approximated.
 */
public record Cron(String text, List<CronField> fields) implements ScheduleExpression {
    private static final String[] NAMES = {"minutes", "hours", "day-of-month", "month", "day-of-week", "year"};
    private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {1, 7}, {1970, 2199}};
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int MINUTE = 0;
    private static final int HOUR = 1;
    private static final int DAY_OF_MONTH = 2;
    private static final int MONTH = 3;
    private static final int DAY_OF_WEEK = 4;
    private static final int YEAR = 5;

    public Cron {
        fields = List.copyOf(fields);
    }

    static Cron parse(String body) {
        String text = "cron(" + body + ")";
        String[] parts = body.strip().split("\\s+");
        if (parts.length != 6) {
            throw new IllegalArgumentException("schedule \"" + text + "\" has " + parts.length + " fields; EventBridge "
                    + "cron has 6: MINUTES HOURS DAY-OF-MONTH MONTH DAY-OF-WEEK YEAR, e.g. \"cron(0 2 * * ? *)\"");
        }
        CronField[] fields = new CronField[6];
        for (int i = 0; i < 6; i++) {
            List<String> names = i == MONTH ? MONTHS : i == DAY_OF_WEEK ? DAYS : List.of();
            fields[i] = CronField.parse(text, NAMES[i], parts[i], RANGES[i][0], RANGES[i][1], names,
                    i == DAY_OF_MONTH || i == DAY_OF_WEEK);
        }
        if (fields[DAY_OF_MONTH].any() == fields[DAY_OF_WEEK].any()) {
            throw new IllegalArgumentException("schedule \"" + text + "\": exactly one of day-of-month and "
                    + "day-of-week must be \"?\" (EventBridge refuses both or neither); e.g. \"cron(0 2 * * ? *)\"");
        }
        Cron cron = new Cron(text, Arrays.asList(fields));
        if (cron.next(Instant.EPOCH, Instant.EPOCH) == null) {
            throw new IllegalArgumentException("schedule \"" + text + "\" names no date that exists; check the day "
                    + "and month fields");
        }
        return cron;
    }

    @Override
    public Instant next(Instant after, Instant anchor) {
        Instant from = after.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        LocalDate date = LocalDate.ofInstant(from, ZoneOffset.UTC);
        int fromMinuteOfDay = (int) ((from.getEpochSecond() / 60) % (24 * 60));
        while (date.getYear() <= RANGES[YEAR][1]) {
            if (matches(date)) {
                Optional<Integer> minute = firstMinuteOfDay(fromMinuteOfDay);
                if (minute.isPresent()) {
                    return date.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60L * minute.get());
                }
            }
            date = date.plusDays(1);
            fromMinuteOfDay = 0;
        }
        return null;
    }

    @Override
    public Optional<LotUnit> lotUnit() {
        if (!fields.get(DAY_OF_MONTH).all() && !fields.get(DAY_OF_MONTH).any()
                || !fields.get(DAY_OF_WEEK).all() && !fields.get(DAY_OF_WEEK).any()
                || !fields.get(MONTH).all() || !fields.get(YEAR).all()) {
            return Optional.empty(); // not every day: no lot unit has that period
        }
        BitSet ticks = ticksOfDay();
        int count = ticks.cardinality();
        if ((24 * 60) % count != 0) {
            return Optional.empty();
        }
        int period = (24 * 60) / count;
        int first = ticks.nextSetBit(0);
        for (int tick = ticks.nextSetBit(0); tick >= 0; tick = ticks.nextSetBit(tick + 1)) {
            if ((tick - first) % period != 0) {
                return Optional.empty(); // uneven gaps
            }
        }
        return Arrays.stream(LotUnit.values()).filter(unit -> unit.minutes() == period).findFirst();
    }

    @Override
    public String awsExpression() {
        return text;
    }

    private boolean matches(LocalDate date) {
        if (!fields.get(YEAR).contains(date.getYear()) || !fields.get(MONTH).contains(date.getMonthValue())) {
            return false;
        }
        CronField dayOfMonth = fields.get(DAY_OF_MONTH);
        CronField dayOfWeek = fields.get(DAY_OF_WEEK);
        return dayOfMonth.any() ? dayOfWeek.contains(sundayFirst(date.getDayOfWeek()))
                : dayOfMonth.contains(date.getDayOfMonth());
    }

    private static int sundayFirst(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }

    private Optional<Integer> firstMinuteOfDay(int from) {
        int next = ticksOfDay().nextSetBit(from);
        return next < 0 ? Optional.empty() : Optional.of(next);
    }

    /** Minute of the UTC day of every tick on a day that fires. */
    private BitSet ticksOfDay() {
        BitSet ticks = new BitSet(24 * 60);
        CronField hours = fields.get(HOUR);
        CronField minutes = fields.get(MINUTE);
        for (int hour = 0; hour < 24; hour++) {
            if (hours.contains(hour)) {
                for (int minute = 0; minute < 60; minute++) {
                    if (minutes.contains(minute)) {
                        ticks.set(hour * 60 + minute);
                    }
                }
            }
        }
        return ticks;
    }
}

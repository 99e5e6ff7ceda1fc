package io.clusterless.schedule;

import io.clusterless.lot.LotUnit;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rate(VALUE UNIT)}: every {@code period}. A period that divides a UTC day evenly ticks at its multiples from
 * midnight, as the cron that {@link #awsExpression()} writes for it; any other counts from the schedule's anchor.
 */
public record Rate(String text, int value, String unit, Duration period) implements ScheduleExpression {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s+(minute|minutes|hour|hours|day|days)");
    private static final long MINUTES_PER_DAY = 24 * 60;

    static Rate parse(String body) {
        String text = "rate(" + body + ")";
        Matcher matcher = FORM.matcher(body.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("schedule \"" + text + "\" is not rate(VALUE UNIT) with a whole "
                    + "VALUE and a UNIT of minute(s), hour(s) or day(s); write e.g. \"rate(1 hour)\" or "
                    + "\"rate(15 minutes)\"");
        }
        int value = Integer.parseInt(matcher.group(1));
        String unit = matcher.group(2);
        if (value < 1) {
            throw new IllegalArgumentException("schedule \"" + text + "\" has a rate of 0; use a value of 1 or more");
        }
        boolean plural = unit.endsWith("s");
        if (plural != (value > 1)) {
            // EventBridge refuses "rate(1 hours)" and "rate(2 hour)"
            String singular = plural ? unit.substring(0, unit.length() - 1) : unit;
            throw new IllegalArgumentException("schedule \"" + text + "\": AWS requires a singular unit for 1 and a "
                    + "plural one otherwise; write \"rate(" + value + " " + (value > 1 ? singular + "s" : singular)
                    + ")\"");
        }
        long minutes = switch (unit.charAt(0)) {
            case 'm' -> value;
            case 'h' -> value * 60L;
            default -> value * MINUTES_PER_DAY;
        };
        return new Rate(text, value, unit, Duration.ofMinutes(minutes));
    }

    @Override
    public Instant next(Instant after, Instant anchor) {
        long periodSeconds = period.getSeconds();
        long origin = dividesDay() ? 0 : anchor.getEpochSecond();
        long since = after.getEpochSecond() - origin;
        long ticks = Math.floorDiv(since, periodSeconds) + 1;
        return Instant.ofEpochSecond(origin + ticks * periodSeconds);
    }

    @Override
    public Optional<LotUnit> lotUnit() {
        return Arrays.stream(LotUnit.values()).filter(candidate -> candidate.duration().equals(period)).findFirst();
    }

    @Override
    public String awsExpression() {
        long minutes = period.toMinutes();
        if (minutes < 60 && 60 % minutes == 0) {
            return minutes == 1 ? "cron(* * * * ? *)" : "cron(0/" + minutes + " * * * ? *)";
        }
        if (minutes % 60 == 0 && 24 % (minutes / 60) == 0) {
            long hours = minutes / 60;
            return hours == 1 ? "cron(0 * * * ? *)" : hours == 24 ? "cron(0 0 * * ? *)"
                    : "cron(0 0/" + hours + " * * ? *)";
        }
        return text;
    }

    /** Whether the ticks fall on the same UTC instants every day (then they need no anchor). */
    private boolean dividesDay() {
        long minutes = period.toMinutes();
        return minutes < 60 ? 60 % minutes == 0 : minutes % 60 == 0 && 24 % (minutes / 60) == 0;
    }
}

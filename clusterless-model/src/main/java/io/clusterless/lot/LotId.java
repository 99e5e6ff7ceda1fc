package io.clusterless.lot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One interval of a UTC day (ADR-0004, reference §4.6), written {@code yyyyMMdd} + ISO duration + 3-digit ordinal,
 * e.g. {@code 20230206PT5M286} for 23:50–23:55 UTC on 2023-02-06. Ids of one unit sort chronologically as text.
 */
public record LotId(LotUnit unit, LocalDate date, int ordinal) implements Comparable<LotId> {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(PT\\d+[MH])(\\d{3})");

    public LotId {
        Objects.requireNonNull(unit, "unit is required");
        Objects.requireNonNull(date, "date is required");
        if (ordinal < 0 || ordinal >= unit.perDay()) {
            throw new IllegalArgumentException("lot ordinal out of range: " + ordinal + ", " + unit.displayName()
                    + " have ordinals 000 to " + pad(unit.perDay() - 1));
        }
    }

    /** The lot the instant falls in: the instant truncated to the unit. */
    public static LotId of(LotUnit unit, Instant instant) {
        Objects.requireNonNull(unit, "unit is required");
        Objects.requireNonNull(instant, "instant is required");
        long minutes = Math.floorDiv(instant.getEpochSecond(), 60);
        return ofIndex(unit, Math.floorDiv(minutes, unit.minutes()));
    }

    /**
     * Reads an id such as {@code 20230206PT5M286}.
     *
     * @throws IllegalArgumentException saying what part is wrong
     */
    @JsonCreator
    public static LotId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("lot id is missing, expected e.g. 20230206PT5M286");
        }
        Matcher matcher = FORMAT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a lot id: " + text
                    + ", expected yyyyMMdd + duration + 3-digit ordinal, e.g. 20230206PT5M286");
        }
        LotUnit unit = LotUnit.ofIsoDuration(matcher.group(4)).orElseThrow(() -> new IllegalArgumentException(
                "unsupported lot duration: " + matcher.group(4) + " in lot id: " + text + ", expected one of "
                        + LotUnit.displayNames() + " (" + LotUnit.isoDurations() + ")"));
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("invalid date in lot id: " + text + ", " + e.getMessage(), e);
        }
        int ordinal = Integer.parseInt(matcher.group(5));
        if (ordinal >= unit.perDay()) {
            throw new IllegalArgumentException("lot ordinal out of range in lot id: " + text + ", "
                    + unit.displayName() + " have ordinals 000 to " + pad(unit.perDay() - 1));
        }
        return new LotId(unit, date, ordinal);
    }

    /** Intervals since the epoch; lets ranges step and count without calendar arithmetic. */
    long index() {
        return date.toEpochDay() * unit.perDay() + ordinal;
    }

    static LotId ofIndex(LotUnit unit, long index) {
        long day = Math.floorDiv(index, unit.perDay());
        return new LotId(unit, LocalDate.ofEpochDay(day), Math.floorMod(index, unit.perDay()));
    }

    @JsonValue
    public String format() {
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            // Four digits keep ids fixed width and sortable; other years cannot be parsed back.
            throw new IllegalStateException("lot year out of range: " + year + ", expected 0000 to 9999");
        }
        StringBuilder text = new StringBuilder(16);
        appendPadded(text, year, 4);
        appendPadded(text, date.getMonthValue(), 2);
        appendPadded(text, date.getDayOfMonth(), 2);
        text.append(unit.isoDuration());
        appendPadded(text, ordinal, 3);
        return text.toString();
    }

    /** The first instant of the interval (inclusive, UTC). */
    public Instant start() {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60L * ordinal * unit.minutes());
    }

    /** The first instant after the interval (exclusive, UTC); equals {@code next().start()}. */
    public Instant end() {
        return start().plus(unit.duration());
    }

    public LotId next() {
        return plus(1);
    }

    public LotId previous() {
        return plus(-1);
    }

    /** The lot {@code intervals} later (earlier when negative), crossing days as needed. */
    public LotId plus(long intervals) {
        return ofIndex(unit, Math.addExact(index(), intervals));
    }

    /**
     * Orders chronologically.
     *
     * @throws IllegalArgumentException for lots of different units, which have no common order of ids
     */
    @Override
    public int compareTo(LotId other) {
        if (unit != other.unit) {
            throw new IllegalArgumentException("cannot compare lots of different units: " + this + " (" + unit.displayName()
                    + ") and " + other + " (" + other.unit.displayName() + ")");
        }
        // the order of index(), without its day arithmetic: ordinals stay within a day
        int byDate = date.compareTo(other.date);
        return byDate != 0 ? byDate : Integer.compare(ordinal, other.ordinal);
    }

    /**
     * One value per lot of a unit. The record's own hash of (unit, date, ordinal), 31 × the date's hash + the ordinal
     * for one unit, gives the 105,120 lots of a year of Twelfths only 14,399 distinct values: hash maps of lots
     * (a status scan's) filled up tree bins.
     */
    @Override
    public int hashCode() {
        return Long.hashCode(index()) * 31 + unit.ordinal();
    }

    @Override
    public String toString() {
        return format();
    }

    private static void appendPadded(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        text.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
    }

    private static String pad(int ordinal) {
        StringBuilder text = new StringBuilder();
        appendPadded(text, ordinal, 3);
        return text.toString();
    }
}

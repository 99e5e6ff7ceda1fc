package io.clusterless.lot;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The interval lengths a lot can have (ADR-0004, reference §4.6). Each divides the UTC day evenly, so an ordinal
 * within the day identifies an interval.
 */
public enum LotUnit {
    FOURTHS(15),
    SIXTHS(10),
    TWELFTHS(5),
    /** One lot per UTC hour: ids such as {@code 20230206PT1H023}, ordinals 000 to 023. */
    HOURS(60),
    /** One lot per UTC day: ids such as {@code 20230206PT24H000}, ordinal always 000. */
    DAYS(24 * 60);

    static final int MINUTES_PER_DAY = 24 * 60;
    /** The date, the duration and the ordinal of a lot id; found anywhere so keys such as {@code lot=…/} work too. */
    private static final Pattern LOT_ID_IN_TEXT = Pattern.compile("\\d{8}(PT\\d+[MH])\\d{3}");

    private final int minutes;
    private final Duration duration;
    private final String isoDuration;
    private final String displayName;

    LotUnit(int minutes) {
        this.minutes = minutes;
        this.duration = Duration.ofMinutes(minutes);
        this.isoDuration = duration.toString();
        this.displayName = name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    public int minutes() {
        return minutes;
    }

    /** The interval length; its text ({@code PT15M}) is what lot ids carry. */
    public Duration duration() {
        return duration;
    }

    /** The ISO-8601 duration text inside lot ids, e.g. {@code PT15M}. */
    public String isoDuration() {
        return isoDuration;
    }

    /** Whether every lot of this unit lies inside exactly one lot of {@code coarser} (a roll-up's covered lots). */
    public boolean divides(LotUnit coarser) {
        return coarser.minutes % minutes == 0;
    }

    /** How many lots a UTC day has. */
    public int perDay() {
        return MINUTES_PER_DAY / minutes;
    }

    /** The name used in project files and messages, e.g. {@code Fourths}. */
    public String displayName() {
        return displayName;
    }

    /**
     * Reads a unit as declared in a project file, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted units
     */
    public static LotUnit parse(String name) {
        String wanted = name == null ? "" : name.strip();
        return Arrays.stream(values())
                .filter(unit -> unit.displayName.equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unsupported lot unit: " + name + ", expected one of " + displayNames()));
    }

    /**
     * Finds the unit of an existing lot id (or of a key containing one) from the duration text inside it; this is how
     * the unit of a deployed arc or dataset is discovered from a single listed key.
     *
     * @throws IllegalArgumentException if the text holds no lot id of a supported unit
     */
    public static LotUnit ofLotId(String lotId) {
        return findInLotId(lotId).orElseThrow(() -> new IllegalArgumentException(
                "no lot id of a supported unit found in: " + lotId + ", expected e.g. 20230206PT5M286 with a duration of "
                        + Arrays.stream(values()).map(LotUnit::isoDuration).collect(Collectors.joining(", "))));
    }

    static Optional<LotUnit> findInLotId(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = LOT_ID_IN_TEXT.matcher(text);
        while (matcher.find()) {
            Optional<LotUnit> unit = ofIsoDuration(matcher.group(1));
            if (unit.isPresent()) {
                return unit;
            }
        }
        return Optional.empty();
    }

    static Optional<LotUnit> ofIsoDuration(String text) {
        return Arrays.stream(values()).filter(unit -> unit.isoDuration.equals(text)).findFirst();
    }

    static String isoDurations() {
        return Arrays.stream(values()).map(LotUnit::isoDuration).collect(Collectors.joining(", "));
    }

    static String displayNames() {
        return Arrays.stream(values()).map(LotUnit::displayName).collect(Collectors.joining(", "));
    }
}

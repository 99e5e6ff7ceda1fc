package io.clusterless.cli.command.ops;

import io.clusterless.cli.context.UserException;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --earliest} (inclusive, default {@code 12h}) and {@code --latest} (exclusive, default now), reference §2.3:
 * a lot id ({@code 20230101PT5M000}), an instant or date ({@code 2023-01-01T00:00:00Z}, {@code 2023-01-01T06:00},
 * {@code 2023-01-01}, all UTC unless an offset is given) or a relative time before now ({@code 30m}, {@code 12h},
 * {@code 7d}, {@code 2w}).
 */
public final class TimeWindowOptions {
    private static final Pattern RELATIVE = Pattern.compile("(\\d+)\\s*([smhdw])");
    static final String DEFAULT_EARLIEST = "12h";

    @Option(names = "--earliest", paramLabel = "TIME",
            description = "First lot of the window (inclusive): a lot id, an instant or date (UTC), or a time before "
                    + "now such as 12h or 7d (default: 12h, or the placement's first placement when that is later: "
                    + "lots from before the project existed are not gaps).")
    String earliest;

    @Option(names = "--latest", paramLabel = "TIME",
            description = "End of the window (exclusive): a lot id, an instant or date, or a time before now "
                    + "(default: now).")
    String latest;

    /** The unit a lot id given as either edge names, if any: it wins over the dataset's own. */
    Optional<LotUnit> givenUnit() {
        return lot(earliest).or(() -> lot(latest)).map(LotId::unit);
    }

    /**
     * @param unit the lots' interval, used when neither edge is a lot id
     */
    LotRange window(LotUnit unit, Clock clock) {
        return window(unit, clock, Optional.empty());
    }

    /**
     * @param unit  the lots' interval, used when neither edge is a lot id
     * @param floor when the placement was first placed: without --earliest the window starts there if that is
     *              later than the default 12 hours back
     */
    LotRange window(LotUnit unit, Clock clock, Optional<Instant> floor) {
        LotUnit use = givenUnit().orElse(unit);
        Instant start = instant("--earliest", earliest == null ? DEFAULT_EARLIEST : earliest, clock);
        if (earliest == null && floor.isPresent() && floor.get().isAfter(start)) {
            start = floor.get();
        }
        Instant end = latest == null ? clock.instant() : instant("--latest", latest, clock);
        if (start.isAfter(end) && earliest == null) {
            start = end;
        }
        try {
            return LotRange.of(use, start, end);
        } catch (IllegalArgumentException e) {
            throw new UserException("--earliest " + earliest + " is after --latest "
                    + (latest == null ? "(now)" : latest) + "; give an earlier --earliest");
        }
    }

    static Instant instant(String option, String value, Clock clock) {
        String text = value.strip();
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            Duration duration;
            switch (relative.group(2)) {
                case "s":
                    duration = Duration.ofSeconds(amount);
                    break;
                case "m":
                    duration = Duration.ofMinutes(amount);
                    break;
                case "h":
                    duration = Duration.ofHours(amount);
                    break;
                case "d":
                    duration = Duration.ofDays(amount);
                    break;
                default:
                    duration = Duration.ofDays(7 * amount);
            }
            return clock.instant().minus(duration);
        }
        Optional<LotId> lot = lot(text);
        if (lot.isPresent()) {
            return lot.get().start();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            // try the other forms
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            // try the other forms
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // try the other forms
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
            throw new UserException(option + " " + value + " is neither a lot id (20230101PT5M000), an instant "
                    + "(2023-01-01T00:00:00Z), a date (2023-01-01) nor a time before now (12h, 7d)");
        }
    }

    private static Optional<LotId> lot(String text) {
        if (text == null || !text.contains("PT")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LotId.parse(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package io.clusterless.engine.boundary;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code keyTimestampRegex} lot source: a regex searched for in the object key (it need not match the whole key)
 * whose groups give the object's time, in UTC. Two forms:
 * <ul>
 *   <li>named groups {@code year}, {@code month}, {@code day}, {@code hour}, {@code minute} and optionally
 *   {@code second}, e.g. {@code y=(?<year>\d{4})/m=(?<month>\d{2})/d=(?<day>\d{2})/h=(?<hour>\d{2})/(?<minute>\d{2})};</li>
 *   <li>one value: the group named {@code timestamp}, else the only group, else the whole match, holding an
 *   ISO-8601 instant or date-time ({@code 2023-02-06T23:52:00Z}, {@code 2023-02-06T23:52:00+01:00},
 *   {@code 2023-02-06T23:52:00} read as UTC, basic {@code 20230206T235200Z}), an ISO date (start of day) or epoch
 *   time as digits: up to 11 digits are seconds, more are milliseconds.</li>
 * </ul>
 */
public final class KeyTimestampRegex {
    private static final List<String> FIELDS = List.of("year", "month", "day", "hour", "minute");
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");
    private static final long LARGEST_EPOCH_SECONDS = 99_999_999_999L;
    private static final DateTimeFormatter BASIC_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm[ss][.SSS][XXX][X]");

    private final Pattern pattern;
    private final boolean fields;
    private final boolean hasSecond;
    private final String valueGroup;

    private KeyTimestampRegex(Pattern pattern, boolean fields, boolean hasSecond, String valueGroup) {
        this.pattern = pattern;
        this.fields = fields;
        this.hasSecond = hasSecond;
        this.valueGroup = valueGroup;
    }

    /** @throws IllegalArgumentException if the regex is missing, invalid, or has neither form's groups */
    public static KeyTimestampRegex compile(String regex) {
        if (regex == null || regex.isBlank()) {
            throw new IllegalArgumentException("lotSource keyTimestampRegex needs infrequent.keyRegex: a regex over the "
                    + "object key with named groups year, month, day, hour, minute (second optional), or one group "
                    + "holding an ISO-8601 date-time or epoch seconds/millis");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("keyRegex is not a valid regex: " + e.getDescription() + " near index "
                    + e.getIndex() + " of " + regex, e);
        }
        Set<String> names = groupNames(regex);
        boolean anyField = FIELDS.stream().anyMatch(names::contains);
        if (anyField) {
            List<String> missing = FIELDS.stream().filter(name -> !names.contains(name)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("keyRegex " + regex + " has named groups " + names + " but lacks "
                        + String.join(", ", missing) + "; give all of year, month, day, hour, minute (second optional), "
                        + "or a single group holding the whole timestamp");
            }
            return new KeyTimestampRegex(pattern, true, names.contains("second"), null);
        }
        if (names.contains("timestamp")) {
            return new KeyTimestampRegex(pattern, false, false, "timestamp");
        }
        int groups = pattern.matcher("").groupCount();
        if (groups > 1) {
            throw new IllegalArgumentException("keyRegex " + regex + " has " + groups + " groups; name the one holding "
                    + "the timestamp (?<timestamp>…), use non-capturing groups (?:…) for the others, or name "
                    + "year, month, day, hour, minute");
        }
        return new KeyTimestampRegex(pattern, false, false, groups == 1 ? "1" : "0");
    }

    private static Set<String> groupNames(String regex) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = GROUP_NAME.matcher(regex);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    public String regex() {
        return pattern.pattern();
    }

    /**
     * The time the key carries.
     *
     * @throws LotAssignmentException if the key does not match, or the matched text is not a valid time
     */
    public Instant timestamp(String key) {
        Matcher matcher = pattern.matcher(key);
        if (!matcher.find()) {
            throw new LotAssignmentException("object key '" + key + "' does not match keyRegex '" + pattern.pattern()
                    + "', so no lot can be assigned; fix the regex or the key");
        }
        return fields ? fromFields(matcher, key) : fromValue(value(matcher), key);
    }

    private String value(Matcher matcher) {
        return switch (valueGroup) {
            case "0" -> matcher.group();
            case "1" -> matcher.group(1);
            default -> matcher.group(valueGroup);
        };
    }

    private Instant fromFields(Matcher matcher, String key) {
        try {
            LocalDateTime time = LocalDateTime.of(number(matcher, "year", key), number(matcher, "month", key),
                    number(matcher, "day", key), number(matcher, "hour", key), number(matcher, "minute", key),
                    hasSecond && matcher.group("second") != null ? number(matcher, "second", key) : 0);
            return time.toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new LotAssignmentException("object key '" + key + "' matches keyRegex '" + pattern.pattern()
                    + "' but its groups are not a valid time: " + e.getMessage(), e);
        }
    }

    private int number(Matcher matcher, String group, String key) {
        String text = matcher.group(group);
        if (text == null || !DIGITS.matcher(text).matches() || text.length() > 9) {
            throw new LotAssignmentException("object key '" + key + "' matches keyRegex '" + pattern.pattern()
                    + "' but group " + group + " is '" + text + "', expected digits");
        }
        return Integer.parseInt(text);
    }

    private Instant fromValue(String text, String key) {
        if (text == null || text.isBlank()) {
            throw new LotAssignmentException("object key '" + key + "' matches keyRegex '" + pattern.pattern()
                    + "' but its timestamp group is empty");
        }
        try {
            return parse(text.strip());
        } catch (DateTimeException | ArithmeticException e) {
            throw new LotAssignmentException("object key '" + key + "' matches keyRegex '" + pattern.pattern()
                    + "' but '" + text + "' is not an ISO-8601 date-time or epoch seconds/millis", e);
        }
    }

    /** Reads one timestamp value in any of the accepted forms; public so tests and validation can try values. */
    public static Instant parse(String text) {
        if (DIGITS.matcher(text).matches()) {
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new DateTimeException("epoch value out of range: " + text, e);
            }
            return value > LARGEST_EPOCH_SECONDS ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        }
        for (DateTimeFormatter formatter : List.of(DateTimeFormatter.ISO_DATE_TIME, BASIC_DATE_TIME)) {
            try {
                TemporalAccessor parsed = formatter.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
                return parsed instanceof LocalDateTime local ? local.toInstant(ZoneOffset.UTC)
                        : ((OffsetDateTime) parsed).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new DateTimeException("unrecognised timestamp: " + text, e);
        }
    }
}

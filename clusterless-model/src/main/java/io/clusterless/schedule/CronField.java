package io.clusterless.schedule;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * One field of a {@link Cron}: the values it allows, and whether it was {@code ?} ("any", only in the day fields) or
 * {@code *} (every value).
 *
 * @param text   the field as written
 * @param values the allowed values (for {@code ?}: every value)
 * @param any    written {@code ?}
 * @param all    allows every value of its range ({@code *} or an equivalent)
 */
public record CronField(String text, BitSet values, boolean any, boolean all) {
    public CronField {
        values = (BitSet) values.clone();
    }

    public boolean contains(int value) {
        return values.get(value);
    }

    static CronField parse(String expression, String name, String text, int min, int max, List<String> names,
                           boolean mayBeAny) {
        BitSet values = new BitSet(max + 1);
        if (text.equals("?")) {
            if (!mayBeAny) {
                throw problem(expression, name, text, "\"?\" is allowed only in day-of-month and day-of-week");
            }
            values.set(min, max + 1);
            return new CronField(text, values, true, true);
        }
        String upper = text.toUpperCase(Locale.ROOT);
        String unnamed = upper;
        for (String known : names) {
            unnamed = unnamed.replace(known, ""); // JUL and WED hold an L and a W
        }
        if (unnamed.matches(".*[LW#].*")) {
            throw problem(expression, name, text, "L, W and # are not supported by cls; list the days instead");
        }
        for (String part : upper.split(",", -1)) {
            parsePart(expression, name, text, part, min, max, names, values);
        }
        return new CronField(text, values, false, values.cardinality() == max - min + 1);
    }

    private static void parsePart(String expression, String name, String text, String part, int min, int max,
                                  List<String> names, BitSet values) {
        if (part.isEmpty()) {
            throw problem(expression, name, text, "an empty item in a list");
        }
        int step = 1;
        String range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            step = number(expression, name, text, part.substring(slash + 1), 1, max, List.of());
            range = part.substring(0, slash);
        }
        int from;
        int to;
        if (range.equals("*")) {
            from = min;
            to = max;
        } else if (range.contains("-")) {
            String[] ends = range.split("-", -1);
            if (ends.length != 2) {
                throw problem(expression, name, text, "a range is FROM-TO");
            }
            from = number(expression, name, text, ends[0], min, max, names);
            to = number(expression, name, text, ends[1], min, max, names);
            if (to < from) {
                throw problem(expression, name, text, "the range " + range + " ends before it starts");
            }
        } else {
            from = number(expression, name, text, range, min, max, names);
            to = slash >= 0 ? max : from;
        }
        for (int value = from; value <= to; value += step) {
            values.set(value);
        }
    }

    private static int number(String expression, String name, String text, String value, int min, int max,
                              List<String> names) {
        int named = names.indexOf(value);
        if (named >= 0) {
            return named + 1;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw problem(expression, name, text, value + " is outside " + min + "-" + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw problem(expression, name, text, "\"" + value + "\" is not a number" + (names.isEmpty() ? ""
                    : " or one of " + String.join(", ", names)));
        }
    }

    private static IllegalArgumentException problem(String expression, String name, String text, String what) {
        return new IllegalArgumentException("schedule \"" + expression + "\": " + name + " field \"" + text + "\": "
                + what);
    }
}

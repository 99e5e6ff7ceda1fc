package io.clusterless.cli.command.ops;

import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One character per lot over a window, so a day of five-minute lots reads at a glance. Where the window has more
 * lots than the width, each character stands for several lots and shows the worst of them.
 */
final class LotStrip {
    /** The characters, worst first: a failed lot in a group is what the group shows. */
    static final List<Map.Entry<String, Character>> LEGEND = List.of(
            Map.entry("failed", '!'), Map.entry("partial", '%'), Map.entry("running", '>'),
            Map.entry("disabled", '-'), Map.entry("missing", '_'), Map.entry("empty", '.'),
            Map.entry("complete", '#'));

    private LotStrip() {
    }

    /**
     * @param state a lot's state name as the legend names it; lots absent from {@code lots} are {@code missing}
     */
    static <T> String strip(LotRange window, SortedMap<LotId, T> lots, Function<T, String> state, int width) {
        long size = window.size();
        if (size == 0 || width <= 0) {
            return "";
        }
        long perChar = Math.max(1, (size + width - 1) / width);
        StringBuilder strip = new StringBuilder();
        int worst = Integer.MAX_VALUE;
        long inGroup = 0;
        for (LotId lot : window) {
            T found = lots.get(lot);
            worst = Math.min(worst, rank(found == null ? "missing" : state.apply(found)));
            if (++inGroup == perChar) {
                strip.append(LEGEND.get(worst).getValue());
                worst = Integer.MAX_VALUE;
                inGroup = 0;
            }
        }
        if (inGroup > 0) {
            strip.append(LEGEND.get(worst).getValue());
        }
        return strip.toString();
    }

    /** How many lots one character stands for. */
    static long lotsPerChar(LotRange window, int width) {
        return Math.max(1, (window.size() + width - 1) / Math.max(1, width));
    }

    static String legend() {
        StringBuilder legend = new StringBuilder();
        for (int i = LEGEND.size() - 1; i >= 0; i--) {
            legend.append(LEGEND.get(i).getValue()).append(' ').append(LEGEND.get(i).getKey()).append("  ");
        }
        return legend.toString().strip();
    }

    private static int rank(String state) {
        int missing = 0;
        for (int i = 0; i < LEGEND.size(); i++) {
            if (LEGEND.get(i).getKey().equals(state)) {
                return i;
            }
            if (LEGEND.get(i).getKey().equals("missing")) {
                missing = i;
            }
        }
        return missing;
    }

    /**
     * Prints strips under a legend line, names left and strips aligned, fitting {@code columns}.
     *
     * @param strips name to a function of the width that draws its strip
     */
    static void print(PrintWriter out, LotRange window, int columns,
                      Map<String, IntFunction<String>> strips) {
        int nameWidth = strips.keySet().stream().mapToInt(String::length).max().orElse(0);
        int width = Math.max(10, columns - nameWidth - 2);
        out.println(legend() + "   (" + lotsPerChar(window, width) + " lot" + (lotsPerChar(window, width) == 1
                ? "" : "s") + " of " + window.unit().isoDuration() + " a character, " + window.start().format()
                + " to " + window.endExclusive().format() + ")");
        strips.forEach((name, strip) -> out.println(String.format("%-" + nameWidth + "s  %s", name,
                strip.apply(width))));
        out.flush();
    }

    /** The terminal's width from {@code COLUMNS}, else 100. */
    static int columns(Map<String, String> environment) {
        String columns = environment.get("COLUMNS");
        return columns != null && columns.matches("\\d{1,4}") ? Integer.parseInt(columns) : 100;
    }

    /**
     * The strips a status command draws, grouped by window (datasets and arcs of other lot units have windows of
     * their own), each printed under its own legend line.
     */
    static final class Collected {
        private final Map<LotRange, Map<String, IntFunction<String>>> byWindow =
                new LinkedHashMap<>();

        /** Keeps the strip of {@code name} for {@link #print}; returns it at one character per lot, for scripts. */
        <T> String add(LotRange window, String name, SortedMap<LotId, T> lots, Function<T, String> state) {
            IntFunction<String> drawn = width -> strip(window, lots, state, width);
            byWindow.computeIfAbsent(window, w -> new LinkedHashMap<>()).put(name, drawn);
            return drawn.apply((int) Math.min(Integer.MAX_VALUE, window.size()));
        }

        void print(PrintWriter out, int columns) {
            byWindow.forEach((window, byName) -> LotStrip.print(out, window, columns, byName));
        }
    }
}

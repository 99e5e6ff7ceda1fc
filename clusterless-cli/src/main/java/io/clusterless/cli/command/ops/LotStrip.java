package io.clusterless.cli.command.ops;

import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

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
    static void print(java.io.PrintWriter out, LotRange window, int columns,
                      Map<String, java.util.function.IntFunction<String>> strips) {
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
}

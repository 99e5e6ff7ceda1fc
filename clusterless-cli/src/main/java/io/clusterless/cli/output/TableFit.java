package io.clusterless.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which columns of a table to leave out so that it fits a width (see {@link Printer#fitting}). */
final class TableFit {
    /** Columns that say which row is which: never left out. */
    private static final Set<String> KEYS = Set.of("name", "version", "lotId");
    /** Between two columns. */
    private static final int GAP = 2;

    private TableFit() {
    }

    /**
     * The indexes of the columns to leave out, in the order they were chosen: the placement's first (its filters
     * name it), then from the right those the command did not prefer, then the preferred ones, last first; never
     * a key column.
     */
    static List<Integer> dropped(List<String> names, List<List<String>> cells, int[] widths, int width,
                                 List<String> preferred) {
        List<Integer> order = new ArrayList<>();
        for (int i = names.size() - 1; i >= 0; i--) {
            if (names.get(i).startsWith("placement.")) {
                order.add(i);
            }
        }
        for (int i = names.size() - 1; i >= 0; i--) {
            if (!order.contains(i) && !isKey(names.get(i)) && !preferred.contains(names.get(i))) {
                order.add(i);
            }
        }
        for (int p = preferred.size() - 1; p >= 0; p--) {
            int i = names.indexOf(preferred.get(p));
            if (i >= 0 && !order.contains(i) && !isKey(names.get(i))) {
                order.add(i);
            }
        }
        List<Integer> dropped = new ArrayList<>();
        for (int next : order) {
            if (total(widths, dropped) <= width) {
                break;
            }
            dropped.add(next);
        }
        return dropped;
    }

    static boolean isKey(String column) {
        String last = column.substring(column.lastIndexOf('.') + 1);
        return KEYS.contains(last) && !column.startsWith("placement.");
    }

    private static int total(int[] widths, List<Integer> dropped) {
        int total = 0;
        int count = 0;
        for (int i = 0; i < widths.length; i++) {
            if (!dropped.contains(i)) {
                total += widths[i];
                count++;
            }
        }
        return total + GAP * Math.max(0, count - 1);
    }
}

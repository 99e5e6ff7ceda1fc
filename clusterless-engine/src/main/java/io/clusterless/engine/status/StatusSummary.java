package io.clusterless.engine.status;

import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * The summary columns of {@code arcs status} and {@code datasets status} (reference §2.7, §6.3) for one arc or
 * dataset over a window of lots: the window's edges, the first and last lot found, the intervals between the edges
 * and those lots ({@code earliestGap}, {@code latestGap}), counts per state, and how many lots of the window have
 * nothing at all ({@code rangeGap}).
 *
 * @param counts state name → lots in that state, every state listed (zero included), in declaration order
 */
public record StatusSummary(LotUnit temporalUnit, String earliest, String earliestFound, long earliestGap,
                            String latest, String latestFound, long latestGap, Map<String, Long> counts,
                            long totalFound, long range, long rangeGap) {
    public StatusSummary {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** @param states every state name, in the order the columns show them */
    public static <S> StatusSummary of(LotRange window, SortedMap<LotId, S> found, List<String> states,
                                       Function<S, String> stateName) {
        Map<String, Long> counts = new LinkedHashMap<>();
        states.forEach(s -> counts.put(s, 0L));
        found.values().forEach(s -> counts.merge(stateName.apply(s), 1L, Long::sum));
        long range = window.size();
        String latest = window.isEmpty() ? window.start().format() : window.endExclusive().previous().format();
        if (found.isEmpty()) {
            return new StatusSummary(window.unit(), window.start().format(), null, range, latest, null, range,
                    counts, 0, range, range);
        }
        LotId first = found.firstKey();
        LotId last = found.lastKey();
        long earliestGap = new LotRange(window.start(), first).size();
        long latestGap = new LotRange(last.next(), window.endExclusive()).size();
        return new StatusSummary(window.unit(), window.start().format(), first.format(), earliestGap, latest,
                last.format(), latestGap, counts, found.size(), range, range - found.size());
    }
}

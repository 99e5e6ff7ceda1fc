package io.clusterless.engine.arc;

import io.clusterless.arcstate.ArcState;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an arc's runs of one lot went, from the lot's history in its state object (ADR-0003): how many runs started,
 * how many ended without completing, and how long the newest one took.
 *
 * @param attempts the runs started (each {@code running} line is one run's start)
 * @param failures the runs that ended {@code partial} or {@code missing}
 * @param started  when the newest run started; null when the history holds no start
 * @param duration the newest run's, from its start to its end; null while it runs or when the history lacks either
 * @param error    the newest end's workload error and cause, if it carried one
 * @param workloadMetrics what the workload measured about the newest run, from its end's line (e.g.
 *                 {@code athenaScannedBytes}); empty while it runs, and for ends that recorded none
 */
public record LotRuns(String lot, ArcState state, int attempts, int failures, Instant started, Duration duration,
                      String error, Map<String, Long> workloadMetrics) {
    public LotRuns {
        workloadMetrics = workloadMetrics == null ? Map.of() : Map.copyOf(workloadMetrics);
    }

    /** @param history the lot's entries, oldest first */
    public static LotRuns of(String lot, ArcState state, List<ArcStateEntry> history) {
        Set<String> attempts = new LinkedHashSet<>();
        int failures = 0;
        ArcStateEntry start = null;
        ArcStateEntry end = null;
        for (ArcStateEntry entry : history) {
            if (entry.state() == ArcState.running) {
                attempts.add(entry.arcAttempt() == null ? "line " + attempts.size() : entry.arcAttempt());
                start = entry;
                end = null;
            } else {
                if (entry.state() == ArcState.partial || entry.state() == ArcState.missing) {
                    failures++;
                }
                if (start != null && (entry.arcAttempt() == null || entry.arcAttempt().equals(start.arcAttempt()))) {
                    end = entry;
                }
            }
        }
        Instant started = start == null ? null : instant(start.time());
        Instant ended = end == null ? null : instant(end.time());
        Duration duration = started == null || ended == null || ended.isBefore(started) ? null
                : Duration.between(started, ended);
        ArcStateEntry last = history.isEmpty() ? null : history.get(history.size() - 1);
        String error = last == null || last.error() == null ? null
                : last.error() + (last.cause() == null ? "" : ": " + last.cause());
        return new LotRuns(lot, state, attempts.size(), failures, started, duration, error,
                end == null ? Map.of() : end.workloadMetrics());
    }

    private static Instant instant(String time) {
        try {
            return time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null; // a line written by another tool: no time to measure by
        }
    }
}

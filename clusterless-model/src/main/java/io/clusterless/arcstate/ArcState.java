package io.clusterless.arcstate;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The state of one arc for one lot, kept as the single object {@code …/lot=<lot>/<state>.arc} (reference §4.3,
 * ADR-0003). Constants are lower case because they are written verbatim to JSON and keys.
 */
public enum ArcState {
    /** Workload in progress; blocks concurrent runs of the same lot. */
    running,
    /** Success, including empty results; blocks duplicate runs. */
    complete,
    /** Partial output; may be retried. */
    partial,
    /** Failed without output, or partial output was cleaned; may be retried. */
    missing;

    /** The suffix of the state object's key. */
    public static final String EXTENSION = ".arc";

    private static final ArcState[] VALUES = values();

    /** Whether a lot in this state may move to {@code next}; see {@link #canStart(ArcState)} for a lot without state. */
    public boolean canTransitionTo(ArcState next) {
        return next != null && successors().contains(next);
    }

    /** The states this one may move to; {@code complete} is final. */
    public Set<ArcState> successors() {
        return switch (this) {
            case running -> EnumSet.of(complete, partial, missing);
            case partial -> EnumSet.of(running, missing);
            case missing -> EnumSet.of(running);
            case complete -> EnumSet.noneOf(ArcState.class);
        };
    }

    /** Whether a workload may start for a lot whose current state is {@code current} ({@code null}: never run). */
    public static boolean canStart(ArcState current) {
        return current == null || current.canTransitionTo(running);
    }

    /** The name of the state object, e.g. {@code running.arc}. */
    public String fileName() {
        return name() + EXTENSION;
    }

    /**
     * Reads a state from {@code running}, {@code running.arc}, {@code state=running} or a whole key, ignoring case.
     * Only the last key segment is read, so an arc or lot whose name contains a state word is not mistaken for it.
     *
     * @throws IllegalArgumentException naming the accepted states
     */
    public static ArcState parse(String text) {
        String value = lastSegment(text);
        if (value.regionMatches(true, 0, "state=", 0, 6)) {
            value = value.substring(6);
        }
        if (value.regionMatches(true, value.length() - EXTENSION.length(), EXTENSION, 0, EXTENSION.length())) {
            value = value.substring(0, value.length() - EXTENSION.length());
        }
        String wanted = value.toLowerCase(Locale.ROOT);
        for (ArcState state : VALUES) { // read once per listed state object by status scans: no stream per call
            if (state.name().equals(wanted)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown arc state: " + text + ", expected one of "
                + Arrays.stream(VALUES).map(Enum::name).collect(Collectors.joining(", ")));
    }

    private static String lastSegment(String text) {
        if (text == null) {
            return "";
        }
        String value = text.strip();
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '/') {
            end--;
        }
        return value.substring(value.lastIndexOf('/', end - 1) + 1, end);
    }
}

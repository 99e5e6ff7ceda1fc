package io.clusterless.manifest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The state of one lot of one dataset, as written in its manifest and its key ({@code state=<state>}); reference §4.4.
 * Constants are lower case because they are written verbatim to JSON and keys.
 */
public enum ManifestState {
    /** Every object of the lot was written. */
    complete,
    /** Some data was written; another attempt may follow, so the key carries an attempt id. */
    partial,
    /** Nothing arrived, on purpose; still announced so gap reports can tell "nothing" from "not run". */
    empty,
    /** The lot's data was deleted; each removal is its own attempt. Defined, not yet produced. */
    removed;

    private static final ManifestState[] VALUES = values();

    /** Whether manifests in this state live under {@code attempt=<id>/}, so retries do not overwrite each other. */
    public boolean hasAttempt() {
        return this == partial || this == removed;
    }

    /**
     * Reads a state from {@code complete} or {@code state=complete}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted states
     */
    public static ManifestState parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.regionMatches(true, 0, "state=", 0, 6)) {
            value = value.substring(6);
        }
        String wanted = value.toLowerCase(Locale.ROOT);
        for (ManifestState state : VALUES) { // read once per listed manifest by status scans: no stream per call
            if (state.name().equals(wanted)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown manifest state: " + text + ", expected one of "
                + Arrays.stream(VALUES).map(Enum::name).collect(Collectors.joining(", ")));
    }
}

package io.clusterless.engine.boundary;

import io.clusterless.manifest.ManifestState;

import java.util.List;

/**
 * What one run of a frequent boundary did; logged by the entry point and asserted by tests.
 *
 * @param lot          the lot that just ended
 * @param manifest     its manifest identifier; null when the interval ended, empty, before the boundary was first
 *                     placed, so it gets no manifest (ADR-0007)
 * @param state        {@code complete} or {@code empty}; null with no manifest
 * @param written      true when the lot's manifest is this run's proposal; false when an earlier run for the same
 *                     time (a duplicate scheduled event) had claimed the lot with a different one
 * @param uris         the URIs of the lot's manifest
 * @param processed    messages sent before the cutoff and read in this run
 * @param deleted      of those, deleted because the manifest accounts for them
 * @param returned     of those, left in the queue because the lot's manifest (from an earlier run) lacks their
 *                     objects; a later interval takes them
 * @param deferred     messages sent at or after the cutoff: they belong to the running interval, left in the queue
 * @param warnings     malformed messages and unreadable records, by message id
 */
public record FrequentOutcome(String lot, String manifest, ManifestState state, boolean written, List<String> uris,
                              int processed, int deleted, int returned, int deferred, List<String> warnings) {
    public FrequentOutcome {
        uris = List.copyOf(uris);
        warnings = List.copyOf(warnings);
    }
}

package io.clusterless.engine.status;

import io.clusterless.lot.LotId;
import io.clusterless.manifest.ManifestState;

import java.time.Instant;

/**
 * What a dataset's manifests say about one lot: its state ({@code complete} or {@code empty} when one exists,
 * else {@code partial}, else {@code removed}), how many partial attempts it has, and how many objects arrived after
 * its manifest was written (late arrivals, ADR-0001); {@code written} is when the manifest shown was written.
 * {@code supersededAttempts} counts earlier final manifests a replay kept under their attempts (ADR-0006).
 */
public record DatasetLot(LotId lot, ManifestState state, int partialAttempts, int supersededAttempts, int lateArrivals,
                         Instant written) {
}

package io.clusterless.engine.status;

import io.clusterless.engine.store.ObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.manifest.ManifestState;
import io.clusterless.uri.BoundaryLedgerKeys;
import io.clusterless.uri.ManifestURI;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every lot of one dataset in a range, from manifest keys alone: {@code lot=<lot>/state=<state>/manifest.json},
 * {@code lot=<lot>/state=partial/attempt=<id>/manifest.json}, final manifests a replay superseded
 * ({@code state=complete/attempt=<id>/manifest.json}, counted, never the lot's state) and late-arrival records
 * {@code lot=<lot>/late/…}.
 */
public final class DatasetLots {
    private static final List<ManifestState> PRECEDENCE = List.of(ManifestState.complete, ManifestState.empty,
            ManifestState.partial, ManifestState.removed);

    private DatasetLots() {
    }

    /** @param dataset the dataset's manifest location: bucket, name and version set; lot and state open */
    public static SortedMap<LotId, DatasetLot> scan(ObjectStore store, ManifestURI dataset, LotRange range) {
        String prefix = dataset.withLot((String) null).withState(null).listPrefix();
        Map<LotId, Counts> counts = new LinkedHashMap<>();
        LotScan.scan(store, dataset.bucket(), prefix, range, (lot, rest, info) -> {
            Counts lotCounts = counts.computeIfAbsent(lot, l -> new Counts());
            if (BoundaryLedgerKeys.isLateRecord(rest)) {
                lotCounts.late++;
                return;
            }
            Optional<ManifestState> listed = ManifestURI.stateOfListed(rest);
            if (listed.isEmpty()) {
                return; // claims and other bookkeeping
            }
            ManifestState state = listed.get();
            if (state == ManifestState.partial) {
                lotCounts.partials++;
            } else if (!state.hasAttempt() && ManifestURI.underAttempt(rest)) {
                lotCounts.superseded++; // a final manifest under an attempt: a replay superseded it (ADR-0006)
                return;
            }
            if (lotCounts.state == null || PRECEDENCE.indexOf(state) < PRECEDENCE.indexOf(lotCounts.state)) {
                lotCounts.state = state;
                lotCounts.written = info.lastModified();
            }
        });
        SortedMap<LotId, DatasetLot> lots = new TreeMap<>();
        counts.forEach((lot, c) -> {
            if (c.state != null) {
                lots.put(lot, new DatasetLot(lot, c.state, c.partials, c.superseded, c.late, c.written));
            }
        });
        return Collections.unmodifiableSortedMap(lots);
    }

    private static final class Counts {
        private ManifestState state;
        private int partials;
        private int superseded;
        private int late;
        private Instant written;
    }
}

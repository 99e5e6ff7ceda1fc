package io.clusterless.runtime.status;

import io.clusterless.arcstate.ArcState;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.runtime.store.ObjectStore;
import io.clusterless.uri.ArcStateURI;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state of every lot of one arc in a range, read from key names alone (ADR-0003: one {@code <state>.arc}
 * object per lot). Where a crash left two state objects, the report shows the one a reader would settle on without
 * reading bodies: {@code complete} (final), else {@code running}, {@code partial}, {@code missing}.
 */
public final class ArcLots {
    private static final List<ArcState> PRECEDENCE = List.of(ArcState.complete, ArcState.running, ArcState.partial,
            ArcState.missing);

    private ArcLots() {
    }

    /** @param arc the arc's state location: bucket, project, version and arc set; lot and state open */
    public static SortedMap<LotId, ArcState> scan(ObjectStore store, ArcStateURI arc, LotRange range) {
        String prefix = LotScan.keyPrefix(arc.withLot((String) null).withState(null)) + "lot=";
        SortedMap<LotId, ArcState> states = new TreeMap<>();
        LotScan.scan(store, arc.bucket(), prefix, range, (lot, rest, info) -> {
            if (rest.indexOf('/') >= 0 || !rest.endsWith(ArcState.EXTENSION)) {
                return; // deeper keys or other names are not state objects
            }
            ArcState state;
            try {
                state = ArcState.parse(rest.substring(0, rest.length() - ArcState.EXTENSION.length()));
            } catch (IllegalArgumentException unknown) {
                return;
            }
            states.merge(lot, state, (a, b) -> PRECEDENCE.indexOf(a) <= PRECEDENCE.indexOf(b) ? a : b);
        });
        return Collections.unmodifiableSortedMap(states);
    }
}

package io.clusterless.engine.status;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.uri.ArcStateURI;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state of every lot of one arc in a range, read from key names (ADR-0003: one {@code <state>.arc} object per
 * lot). Where a crash left two state objects, which is rare, the lot's bodies are read and it resolves as the
 * gates resolve it ({@link ArcStateStore#observe}): for instance a replay that reopened a complete lot but did not
 * remove {@code complete.arc} reads as reopened (ADR-0006).
 */
public final class ArcLots {
    private ArcLots() {
    }

    /** @param arc the arc's state location: bucket, project, version and arc set; lot and state open */
    public static SortedMap<LotId, ArcState> scan(ObjectStore store, ArcStateURI arc, LotRange range) {
        String prefix = arc.withLot((String) null).withState(null).listPrefix();
        SortedMap<LotId, ArcState> states = new TreeMap<>();
        Set<LotId> doubtful = new LinkedHashSet<>();
        LotScan.scan(store, arc.bucket(), prefix, range, (lot, rest, info) -> {
            Optional<ArcState> listed = ArcStateURI.stateOfListed(rest);
            if (listed.isEmpty()) {
                return; // deeper keys or other names are not state objects
            }
            if (states.putIfAbsent(lot, listed.get()) != null) {
                doubtful.add(lot);
            }
        });
        if (!doubtful.isEmpty()) {
            ArcStateStore reader = new ArcStateStore(store, arc, Clock.systemUTC());
            for (LotId lot : doubtful) {
                reader.state(lot.format()).ifPresentOrElse(state -> states.put(lot, state), () -> states.remove(lot));
            }
        }
        return Collections.unmodifiableSortedMap(states);
    }
}

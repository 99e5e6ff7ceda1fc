package io.clusterless.engine.status;

import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.engine.arc.ArcStartGate;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SourceDataset;
import io.clusterless.uri.ManifestURI;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a roll-up's sources hold for each of its lots in a window (ADR-0012), for the reports and {@code cls exec}:
 * the same rule as the start gate's (every covered source lot of every subscribed source has a {@code complete} or
 * {@code empty} manifest), from one key scan per source over the window in that source's unit.
 */
public final class CoveredLots {
    private CoveredLots() {
    }

    /**
     * @param held    role → the covered source lots with a final manifest, in lot order
     * @param missing each covered source lot without one, as {@link ArcStartGate#sourceLot}
     */
    public record Lot(LotId lot, Map<String, List<DatasetLot>> held, List<String> missing) {
        public boolean complete() {
            return missing.isEmpty();
        }

        public boolean holdsAny() {
            return held.values().stream().anyMatch(lots -> !lots.isEmpty());
        }
    }

    /** Each lot of {@code window} (in the roll-up's unit); empty for an arc that is not a roll-up. */
    public static SortedMap<LotId, Lot> scan(ObjectStore store, String manifestBucket, ArcPlan arc, LotRange window) {
        ArcGateProps.RollUp rollUp = arc.gateProps().rollUp();
        SortedMap<LotId, Lot> lots = new TreeMap<>();
        if (rollUp == null || window.unit() != rollUp.lotUnit()) {
            return lots;
        }
        Map<String, SortedMap<LotId, DatasetLot>> sources = new LinkedHashMap<>();
        rollUp.sourceUnits().forEach((role, unit) -> sources.put(role, DatasetLots.scan(store,
                ManifestURI.of(manifestBucket, arc.model().getSources().get(role)), rescale(window, unit))));
        for (LotId lot : window) {
            Map<String, List<DatasetLot>> held = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            sources.forEach((role, found) -> {
                SourceDataset source = arc.model().getSources().get(role);
                List<DatasetLot> present = new ArrayList<>();
                for (LotId covered : ArcGateProps.RollUp.covered(lot, rollUp.sourceUnits().get(role))) {
                    DatasetLot upstream = found.get(covered);
                    if (upstream != null && (upstream.state() == ManifestState.complete
                            || upstream.state() == ManifestState.empty)) {
                        present.add(upstream);
                    } else {
                        missing.add(ArcStartGate.sourceLot(source, covered.format()));
                    }
                }
                held.put(role, present);
            });
            lots.put(lot, new Lot(lot, held, missing));
        }
        return lots;
    }

    /** The lots of {@code unit} that overlap the window's time span. */
    public static LotRange rescale(LotRange window, LotUnit unit) {
        if (window.unit() == unit) {
            return window;
        }
        Instant end = window.endExclusive().start();
        LotId last = LotId.of(unit, end);
        return new LotRange(LotId.of(unit, window.start().start()), last.start().equals(end) ? last : last.next());
    }
}

package io.clusterless.engine.arc;

import io.clusterless.arc.ArcStateProps;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.uri.ManifestURI;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a roll-up's sources hold for one of its lots (ADR-0012): for each barrier role, the current final manifest of
 * every covered source lot (a source lot inside the arc lot's interval), and each covered source lot that has none.
 * One listing per role: a source's covered lots share the date and duration of their ids, and ids of one unit sort
 * in time, so the listing starts at the first covered lot and stops after the last.
 */
final class RollUpCoverage {
    private final ArcStateProps arc;
    private final ArcGateProps.RollUp rollUp;
    private final Map<String, String> templates;
    private final ObjectStore store;

    /** A roll-up's: its barrier roles. */
    RollUpCoverage(ArcGateProps props, ObjectStore store) {
        this(props.arc(), props.rollUp(), props.barrier(), store);
    }

    /**
     * @param templates role → the source's manifest template, for each role of {@code rollUp}'s source units
     */
    RollUpCoverage(ArcStateProps arc, ArcGateProps.RollUp rollUp, Map<String, String> templates, ObjectStore store) {
        this.arc = arc;
        this.rollUp = rollUp;
        this.templates = templates;
        this.store = store;
    }

    /**
     * @param manifests role → the final manifests of its covered lots, in lot order (empty list: none)
     * @param missing   each covered source lot without one, as {@link ArcStartGate#sourceLot}, role by role in lot order
     */
    record Coverage(LotId lot, Map<String, List<String>> manifests, List<String> missing) {
        boolean complete() {
            return missing.isEmpty();
        }

        boolean holdsAny() {
            return manifests.values().stream().anyMatch(list -> !list.isEmpty());
        }
    }

    Coverage of(LotId arcLot) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        templates.forEach((role, template) -> {
            LotUnit unit = rollUp.sourceUnits().get(role);
            List<LotId> covered = covered(arcLot, unit);
            Map<String, String> finals = finals(ManifestURI.parse(template), covered);
            List<String> manifests = new ArrayList<>();
            for (LotId lot : covered) {
                String manifest = finals.get(lot.format());
                if (manifest == null) {
                    missing.add(ArcStartGate.sourceLot(arc.sources().get(role), lot.format()));
                } else {
                    manifests.add(manifest);
                }
            }
            found.put(role, manifests);
        });
        return new Coverage(arcLot, found, missing);
    }

    static List<LotId> covered(LotId arcLot, LotUnit unit) {
        return ArcGateProps.RollUp.covered(arcLot, unit);
    }

    /** Covered lot → its current final manifest, from one listing of the source's manifests. */
    private Map<String, String> finals(ManifestURI source, List<LotId> covered) {
        String first = source.withLot(covered.get(0).format()).withState(null).withAttempt(null).keyPath();
        String lotsPrefix = first.substring(0, first.length() - 1 - 3); // "…/lot=<date><duration>": drop "NNN/"
        String last = source.withLot(covered.get(covered.size() - 1).format()).withState(null).withAttempt(null)
                .keyPath();
        Map<String, String> finals = new TreeMap<>();
        store.listAll(source.bucket(), lotsPrefix, first.substring(0, first.length() - 1))
                .map(ObjectInfo::key)
                .takeWhile(key -> key.compareTo(last) < 0 || key.startsWith(last))
                .filter(key -> key.endsWith("/" + ManifestURI.FILE))
                .map(key -> ManifestURI.parse(key).withBucket(source.bucket()))
                .filter(ManifestURI::currentFinal)
                .forEach(uri -> finals.putIfAbsent(uri.lot(), uri.identifier()));
        return finals;
    }
}

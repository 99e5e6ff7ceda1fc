package io.clusterless.engine.plan;

import io.clusterless.lot.LotUnit;
import io.clusterless.model.Arc;
import io.clusterless.model.ArcSchedule;
import io.clusterless.model.Deployable;
import io.clusterless.model.SourceDataset;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The interval of a dataset's lots in a placement: its boundary's lot unit, or, for an arc's sink, the arc's own
 * {@code lotUnit} when it declares one (a roll-up), else its schedule's (ADR-0013), else that of its first
 * subscribed source.
 */
public final class DatasetUnits {
    private final PlacementPlan plan;

    public DatasetUnits(PlacementPlan plan) {
        this.plan = plan;
    }

    public Optional<LotUnit> ofDataset(String datasetId) {
        return ofDataset(datasetId, new HashSet<>());
    }

    public Optional<LotUnit> ofArc(ArcPlan arc) {
        return ofArc(arc, new HashSet<>());
    }

    private Optional<LotUnit> ofDataset(String datasetId, Set<String> seen) {
        if (!seen.add(datasetId)) {
            return Optional.empty();
        }
        for (ProjectPlan project : plan.projects()) {
            for (BoundaryPlan boundary : project.boundaries()) {
                if (boundary.props().dataset().id().equals(datasetId)) {
                    return Optional.of(boundary.props().lotUnit());
                }
            }
            for (ArcPlan arc : project.arcs()) {
                if (arc.model().getSinks().values().stream().anyMatch(sink -> sink.id().equals(datasetId))) {
                    return ofArc(arc, seen);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The same resolution over files before they are planned (a roll-up's gates need its sources' units): dataset
     * id → unit, for each dataset whose unit the deployables say.
     */
    static Map<String, LotUnit> declared(List<Deployable> deployables) {
        Map<String, String> boundaries = new HashMap<>();
        Map<String, Arc<?>> writers = new HashMap<>();
        for (Deployable deployable : deployables) {
            deployable.getBoundaries().stream().filter(b -> !b.isExclude() && b.getDataset() != null)
                    .forEach(b -> boundaries.putIfAbsent(b.getDataset().id(), b.getLotUnit()));
            deployable.getArcs().stream().filter(a -> !a.isExclude())
                    .forEach(a -> a.getSinks().values().forEach(sink -> writers.putIfAbsent(sink.id(), a)));
        }
        Map<String, LotUnit> units = new HashMap<>();
        Set<String> ids = new HashSet<>(boundaries.keySet());
        ids.addAll(writers.keySet());
        for (String id : ids) {
            declared(id, boundaries, writers, new HashSet<>()).ifPresent(unit -> units.put(id, unit));
        }
        return units;
    }

    private static Optional<LotUnit> declared(String id, Map<String, String> boundaries, Map<String, Arc<?>> writers,
                                              Set<String> seen) {
        if (!seen.add(id)) {
            return Optional.empty();
        }
        if (boundaries.containsKey(id)) {
            return Optional.of(LotUnit.parse(boundaries.get(id)));
        }
        Arc<?> arc = writers.get(id);
        if (arc == null) {
            return Optional.empty();
        }
        if (arc.getLotUnit() != null) {
            return Optional.of(LotUnit.parse(arc.getLotUnit()));
        }
        if (arc.getSchedule() != null) { // each tick runs a lot of the schedule's unit (ADR-0013)
            return ArcSchedule.of(arc).map(ArcSchedule::lotUnit);
        }
        for (SourceDataset source : arc.getSources().values()) {
            if (source.isSubscribe()) {
                Optional<LotUnit> unit = declared(source.id(), boundaries, writers, seen);
                if (unit.isPresent()) {
                    return unit;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<LotUnit> ofArc(ArcPlan arc, Set<String> seen) {
        if (arc.model().getLotUnit() != null) {
            return Optional.of(LotUnit.parse(arc.model().getLotUnit()));
        }
        if (arc.model().getSchedule() != null) { // each tick runs a lot of the schedule's unit (ADR-0013)
            return arc.schedule().map(ArcSchedule::lotUnit);
        }
        for (SourceDataset source : arc.model().getSources().values()) {
            if (source.isSubscribe()) {
                Optional<LotUnit> unit = ofDataset(source.id(), seen);
                if (unit.isPresent()) {
                    return unit;
                }
            }
        }
        return Optional.empty();
    }
}

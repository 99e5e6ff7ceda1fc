package io.clusterless.engine.plan;

import io.clusterless.lot.LotUnit;
import io.clusterless.model.ArcSchedule;
import io.clusterless.model.SourceDataset;

import java.util.HashSet;
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

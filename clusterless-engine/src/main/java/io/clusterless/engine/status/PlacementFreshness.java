package io.clusterless.engine.status;

import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.BoundaryPlan;
import io.clusterless.engine.plan.DatasetUnits;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.SinkDataset;
import io.clusterless.uri.ManifestURI;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every dataset of a placement that declares freshness targets, judged now, in plan order. */
public final class PlacementFreshness {
    private PlacementFreshness() {
    }

    /** The datasets with targets, by id {@code name/version}: boundaries' datasets, then arcs' sinks. */
    public static Map<String, SinkDataset> targeted(PlacementPlan plan) {
        Map<String, SinkDataset> datasets = new LinkedHashMap<>();
        for (ProjectPlan project : plan.projects()) {
            for (BoundaryPlan boundary : project.boundaries()) {
                SinkDataset dataset = boundary.props().dataset();
                if (dataset.getFreshness() != null) {
                    datasets.putIfAbsent(dataset.id(), dataset);
                }
            }
            for (ArcPlan arc : project.arcs()) {
                arc.model().getSinks().values().stream().filter(sink -> sink.getFreshness() != null)
                        .forEach(sink -> datasets.putIfAbsent(sink.id(), sink));
            }
        }
        return datasets;
    }

    public static List<DatasetFreshness> check(PlacementPlan plan, ObjectStore store, Instant now) {
        DatasetUnits units = new DatasetUnits(plan);
        List<DatasetFreshness> judged = new ArrayList<>();
        targeted(plan).forEach((id, dataset) -> judged.add(DatasetFreshness.check(store,
                ManifestURI.of(plan.placement().manifestBucket(), dataset),
                units.ofDataset(id).orElse(LotUnit.TWELFTHS), dataset.getFreshness(), now)));
        return judged;
    }
}

package io.clusterless.local.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.clusterless.engine.plan.DatasetUnits;
import io.clusterless.engine.status.DatasetFreshness;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.uri.ManifestURI;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One row of a run's summary: a dataset of the placement and how many of its lots have a manifest in each state,
 * read from the manifest keys (listing answers it, as in AWS), and for a dataset with freshness targets its level
 * now (as {@code cls freshness} judges it).
 *
 * @param owner     the boundary or arc that writes the dataset
 * @param freshness ok, warn or error; null (and left out of the summary) for a dataset without targets
 */
public record DatasetSummary(String dataset, String version, String owner, int lots, int complete, int empty,
                             int partial, @JsonInclude(JsonInclude.Include.NON_NULL) String freshness) {

    /** Every dataset the plan's boundaries and arcs write, in plan order; freshness as judged at {@code now}. */
    public static List<DatasetSummary> of(LocalPlan plan, ObjectStore store, Instant now) {
        DatasetUnits units = new DatasetUnits(plan.placementPlan());
        Map<String, String> owners = new LinkedHashMap<>();
        Map<String, SinkDataset> datasets = new HashMap<>();
        plan.boundaries().forEach(boundary -> {
            owners.putIfAbsent(boundary.props().dataset().id(), boundary.model().getName());
            datasets.putIfAbsent(boundary.props().dataset().id(), boundary.props().dataset());
        });
        plan.arcs().forEach(arc -> arc.model().getSinks().values().forEach(sink -> {
            owners.putIfAbsent(sink.id(), arc.model().getName());
            datasets.putIfAbsent(sink.id(), sink);
        }));
        List<DatasetSummary> rows = new ArrayList<>();
        owners.forEach((id, owner) -> {
            SinkDataset dataset = datasets.get(id);
            String level = dataset.getFreshness() == null ? null : DatasetFreshness.check(store,
                    ManifestURI.of(plan.placement().manifestBucket(), dataset),
                    units.ofDataset(id).orElse(LotUnit.TWELFTHS), dataset.getFreshness(), now).level().name();
            rows.add(count(plan.placement().manifestBucket(), dataset, owner, store, level));
        });
        return rows;
    }

    private static DatasetSummary count(String bucket, SinkDataset dataset, String owner, ObjectStore store,
                                        String freshness) {
        ManifestURI uri = ManifestURI.of(bucket, dataset);
        String prefix = uri.path().substring(("s3://" + bucket + "/").length());
        Map<ManifestState, Set<String>> lots = new EnumMap<>(ManifestState.class);
        Set<String> all = new TreeSet<>();
        store.listAll(bucket, prefix, null).map(ObjectInfo::uri).forEach(key -> {
            try {
                ManifestURI manifest = ManifestURI.parse(key);
                if (manifest.lot() != null && manifest.state() != null && !manifest.superseded()) {
                    lots.computeIfAbsent(manifest.state(), state -> new TreeSet<>()).add(manifest.lot());
                    all.add(manifest.lot());
                }
            } catch (IllegalArgumentException e) {
                // not a manifest key
            }
        });
        Set<String> complete = lots.getOrDefault(ManifestState.complete, Set.of());
        Set<String> empty = lots.getOrDefault(ManifestState.empty, Set.of());
        // a lot retried to completion also has partial attempts: it counts once, by its final manifest
        long partial = lots.getOrDefault(ManifestState.partial, Set.of()).stream()
                .filter(lot -> !complete.contains(lot) && !empty.contains(lot)).count();
        return new DatasetSummary(dataset.getName(), dataset.getVersion(), owner, all.size(), complete.size(),
                empty.size(), (int) partial, freshness);
    }
}

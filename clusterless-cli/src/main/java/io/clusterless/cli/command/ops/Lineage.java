package io.clusterless.cli.command.ops;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.BoundaryPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.status.ArcLots;
import io.clusterless.engine.status.DatasetLot;
import io.clusterless.engine.status.DatasetLots;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.uri.ManifestURI;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * How a placement's data flows: boundaries write datasets, arcs read datasets and write others. Each dataset and
 * arc carries its latest lot in the window and that lot's state, so the picture says where data stopped.
 */
record Lineage(List<Node> nodes, List<Edge> edges) {
    enum Kind { boundary, dataset, arc }

    /**
     * @param id      stable across runs: {@code dataset:name/version}, {@code arc:project/name},
     *                {@code boundary:project/name}
     * @param project the project that declares it; for a dataset, its owner's, null when no given project owns it
     * @param type    the component type of a boundary or arc
     * @param lot     the latest lot found in the window, null when none
     * @param state   that lot's manifest or arc state, null when none
     */
    record Node(String id, Kind kind, String name, String project, String type, String lot, String state) {
    }

    /** @param role the arc's source or sink role, null for a boundary's dataset */
    record Edge(String from, String to, String role) {
    }

    /** Where the lineage finds a dataset's or an arc's lots in the window of its own lot unit. */
    interface Lots {
        SortedMap<LotId, DatasetLot> dataset(String datasetId, LotUnit unit);

        SortedMap<LotId, ArcState> arc(ArcPlan arc, LotUnit unit);
    }

    /**
     * @param window the window of lots for a lot unit: the dataset's or arc's own unit
     */
    static Lineage of(OperatedPlacement placement, Function<LotUnit, LotRange> window) {
        String manifests = placement.plan().placement().manifestBucket();
        return of(placement, new Lots() {
            @Override
            public SortedMap<LotId, DatasetLot> dataset(String datasetId, LotUnit unit) {
                return DatasetLots.scan(placement.store(), ManifestURI.ofDatasetId(manifests, datasetId),
                        window.apply(unit));
            }

            @Override
            public SortedMap<LotId, ArcState> arc(ArcPlan arc, LotUnit unit) {
                return ArcLots.scan(placement.store(), arc.gateProps().arcStateURI(), window.apply(unit));
            }
        });
    }

    /** The lineage with lots from {@code lots}: the status page's, which it scanned once for all its parts. */
    static Lineage of(OperatedPlacement placement, Lots lots) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        Map<String, ProjectPlan> owners = placement.datasets();
        for (ProjectPlan project : placement.plan().projects()) {
            String projectId = OperatedPlacement.projectId(project);
            for (BoundaryPlan boundary : project.boundaries()) {
                String id = "boundary:" + projectId + "/" + boundary.model().getName();
                nodes.put(id, new Node(id, Kind.boundary, boundary.model().getName(), projectId,
                        boundary.model().getType(), null, null));
                edges.add(new Edge(id, dataset(nodes, placement, owners, lots,
                        boundary.props().dataset().id()), null));
            }
        }
        for (ProjectPlan project : placement.plan().projects()) {
            String projectId = OperatedPlacement.projectId(project);
            for (ArcPlan arc : project.arcs()) {
                String id = "arc:" + projectId + "/" + arc.name();
                LotUnit unit = placement.arcUnit(arc).orElse(LotUnit.TWELFTHS);
                SortedMap<LotId, ArcState> states = lots.arc(arc, unit);
                nodes.put(id, new Node(id, Kind.arc, arc.name(), projectId, arc.kind(),
                        states.isEmpty() ? null : states.lastKey().format(),
                        states.isEmpty() ? null : states.get(states.lastKey()).name()));
                for (Map.Entry<String, SourceDataset> source : arc.model().getSources().entrySet()) {
                    edges.add(new Edge(dataset(nodes, placement, owners, lots,
                            source.getValue().id()), id, source.getKey()));
                }
                for (Map.Entry<String, SinkDataset> sink : arc.model().getSinks().entrySet()) {
                    edges.add(new Edge(id, dataset(nodes, placement, owners, lots,
                            sink.getValue().id()), sink.getKey()));
                }
            }
        }
        return new Lineage(List.copyOf(nodes.values()), List.copyOf(edges));
    }

    /** The dataset's node, made on first sight with its latest lot; returns its id. */
    private static String dataset(Map<String, Node> nodes, OperatedPlacement placement,
                                  Map<String, ProjectPlan> owners, Lots scans, String datasetId) {
        String id = "dataset:" + datasetId;
        if (!nodes.containsKey(id)) {
            LotUnit unit = placement.datasetUnit(datasetId).orElse(LotUnit.TWELFTHS);
            SortedMap<LotId, DatasetLot> lots = scans.dataset(datasetId, unit);
            ProjectPlan owner = owners.get(datasetId);
            nodes.put(id, new Node(id, Kind.dataset, datasetId,
                    owner == null ? null : OperatedPlacement.projectId(owner), null,
                    lots.isEmpty() ? null : lots.lastKey().format(),
                    lots.isEmpty() ? null : lots.get(lots.lastKey()).state().name()));
        }
        return id;
    }
}

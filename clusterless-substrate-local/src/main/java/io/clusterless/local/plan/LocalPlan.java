package io.clusterless.local.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.arc.ArcStateProps;
import io.clusterless.arc.ProjectId;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.Arc;
import io.clusterless.model.Boundary;
import io.clusterless.model.Deployable;
import io.clusterless.model.Placement;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.core.arc.BatchExecWorkload;
import io.clusterless.model.core.arc.GlueAddPartitionsWorkload;
import io.clusterless.model.core.arc.S3CopyWorkload;
import io.clusterless.model.core.boundary.EventArrival;
import io.clusterless.model.core.boundary.S3PutListenerBoundary;
import io.clusterless.naming.PlacementNames;
import io.clusterless.naming.ProjectNames;
import io.clusterless.runtime.arc.ArcGateProps;
import io.clusterless.runtime.boundary.BoundaryProps;
import io.clusterless.runtime.location.S3Location;
import io.clusterless.uri.ArcStateURI;
import io.clusterless.uri.ManifestURI;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the local substrate places for a set of deployables: the boundary and arc props the handlers read and the
 * EventBridge patterns that route events to them.
 * <p>
 * A private stand-in for the shared {@code io.clusterless.runtime.plan} package (notes/plan-api.md), which had not
 * landed when this module was written; it derives the same props from the same naming classes and should be
 * replaced by {@code PlacementPlan} once that exists, so that local routing and the stacks share one source.
 */
public final class LocalPlan {
    private final PlacementNames placement;
    private final List<BoundaryEntry> boundaries;
    private final List<ArcEntry> arcs;
    private final List<Deployable> deployables;

    private LocalPlan(PlacementNames placement, List<Deployable> deployables, List<BoundaryEntry> boundaries,
                      List<ArcEntry> arcs) {
        this.placement = placement;
        this.deployables = List.copyOf(deployables);
        this.boundaries = List.copyOf(boundaries);
        this.arcs = List.copyOf(arcs);
    }

    /** A boundary to run: its props, whether it is frequent, and the pattern that routes S3 events to it. */
    public record BoundaryEntry(ProjectNames project, S3PutListenerBoundary model, BoundaryProps props,
                                boolean frequent, String ruleName, String eventPattern) {
    }

    /** An arc to run: gate props, workload props, and the pattern of its listener rule. */
    public record ArcEntry(ProjectNames project, Arc<?> model, ArcGateProps gateProps, ArcProps workloadProps,
                           String ruleName, String listenerPattern) {
    }

    /**
     * @throws IllegalArgumentException if the deployables name different placements
     */
    public static LocalPlan of(List<Deployable> deployables) {
        if (deployables.isEmpty()) {
            throw new IllegalArgumentException("no project to place");
        }
        PlacementNames placement = placementOf(deployables.get(0).getPlacement());
        List<BoundaryEntry> boundaries = new ArrayList<>();
        List<ArcEntry> arcs = new ArrayList<>();
        for (Deployable deployable : deployables) {
            PlacementNames other = placementOf(deployable.getPlacement());
            if (!other.equals(placement)) {
                throw new IllegalArgumentException("project " + deployable.getProject().id() + " is placed in "
                        + other + ", not " + placement + "; run one placement at a time");
            }
            ProjectNames names = new ProjectNames(placement, deployable.getProject().getName(),
                    deployable.getProject().getVersion());
            for (Boundary boundary : deployable.getBoundaries()) {
                if (!boundary.isExclude() && boundary instanceof S3PutListenerBoundary) {
                    boundaries.add(boundary(placement, names, (S3PutListenerBoundary) boundary));
                }
            }
            for (Arc<?> arc : deployable.getArcs()) {
                if (!arc.isExclude()) {
                    arcs.add(arc(placement, names, arc));
                }
            }
        }
        return new LocalPlan(placement, deployables, boundaries, arcs);
    }

    public PlacementNames placement() {
        return placement;
    }

    public List<Deployable> deployables() {
        return deployables;
    }

    public List<BoundaryEntry> boundaries() {
        return boundaries;
    }

    public List<ArcEntry> arcs() {
        return arcs;
    }

    static PlacementNames placementOf(Placement placement) {
        if (placement == null) {
            throw new IllegalArgumentException("the project has no placement (account and region)");
        }
        return new PlacementNames(placement.getStage(), placement.getAccount(), placement.getRegion());
    }

    private static BoundaryEntry boundary(PlacementNames placement, ProjectNames names, S3PutListenerBoundary model) {
        boolean frequent = model.getEventArrival() == EventArrival.frequent;
        BoundaryProps.Builder props = BoundaryProps.builder()
                .lotUnit(LotUnit.parse(model.getLotUnit()))
                .dataset(model.getDataset())
                .manifestBucket(placement.manifestBucket())
                .eventBusName(placement.arcEventBus())
                .filter(model.getFilter());
        if (frequent) {
            props.sqsQueueName(names.frequentQueue(model.getName()))
                    .sqsWaitTimeSeconds(model.getFrequent() == null ? 0 : model.getFrequent().getQueueFetchWaitSec());
        } else if (model.getInfrequent() != null) {
            props.lotSource(model.getInfrequent().getLotSource()).keyRegex(model.getInfrequent().getKeyRegex());
        }
        S3Location location = S3Location.parse(model.getDataset().getPathURI());
        return new BoundaryEntry(names, model, props.build(), frequent, names.componentRule(model.getName()),
                s3ObjectCreated(location.bucket(), location.prefix()));
    }

    private static ArcEntry arc(PlacementNames placement, ProjectNames names, Arc<?> arc) {
        Map<String, SourceDataset> sources = new LinkedHashMap<>(arc.getSources());
        Map<String, SinkDataset> sinks = new LinkedHashMap<>(arc.getSinks());
        Map<String, String> sinkTemplates = new LinkedHashMap<>();
        sinks.forEach((role, sink) -> sinkTemplates.put(role,
                ManifestURI.of(placement.manifestBucket(), sink).template()));
        Map<String, String> sourcePaths = new LinkedHashMap<>();
        sources.forEach((role, source) -> sourcePaths.put(role, ManifestURI.of(placement.manifestBucket(), source)
                .withState(ManifestState.complete).template()));
        String statePath = ArcStateURI.of(placement.arcStateBucket(), names.project(), names.version(), arc.getName())
                .template();
        ArcStateProps stateProps = new ArcStateProps(new ProjectId(names.project(), names.version()), arc.getName(),
                sources, sinks, statePath, placement.arcEventBus());
        ArcGateProps gateProps = new ArcGateProps(stateProps, sinkTemplates, null);
        ArcProps workloadProps = new ArcProps(sources, sinks, sourcePaths, sinkTemplates, workloadProps(arc));
        List<String> subscribed = sources.values().stream().filter(SourceDataset::isSubscribe)
                .map(SourceDataset::id).toList();
        return new ArcEntry(names, arc, gateProps, workloadProps, names.arcListenerRule(arc.getName()),
                arcListener(subscribed));
    }

    private static JsonNode workloadProps(Arc<?> arc) {
        Object workload = arc.getWorkload();
        Object props = null;
        if (workload instanceof S3CopyWorkload) {
            props = ((S3CopyWorkload) workload).getWorkloadProps();
        } else if (workload instanceof GlueAddPartitionsWorkload) {
            props = ((GlueAddPartitionsWorkload) workload).getWorkloadProps();
        } else if (workload instanceof BatchExecWorkload) {
            props = ((BatchExecWorkload) workload).getWorkloadProps();
        }
        return props == null ? null : Json.records().valueToTree(props);
    }

    /** The pattern of an arc's listener rule: arc notifications for any of its subscribed sources. */
    public static String arcListener(Collection<String> datasetIds) {
        ObjectNode pattern = Json.records().createObjectNode();
        pattern.putArray("source").add(ArcNotifyEvent.SOURCE);
        pattern.putArray("detail-type").add(ArcNotifyEvent.DETAIL_TYPE);
        ArrayNode ids = pattern.putObject("detail").putArray("datasetId");
        datasetIds.forEach(ids::add);
        return pattern.toString();
    }

    /** The pattern of an infrequent boundary's rule: S3 Object Created events under the dataset's prefix. */
    public static String s3ObjectCreated(String bucket, String keyPrefix) {
        ObjectNode pattern = Json.records().createObjectNode();
        pattern.putArray("source").add("aws.s3");
        pattern.putArray("detail-type").add("Object Created");
        ObjectNode detail = pattern.putObject("detail");
        detail.putObject("bucket").putArray("name").add(bucket);
        if (keyPrefix != null && !keyPrefix.isEmpty()) {
            detail.putObject("object").putArray("key").addObject().put("prefix", keyPrefix);
        }
        return pattern.toString();
    }
}

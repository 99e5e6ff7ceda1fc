package io.clusterless.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.arc.ArcStateProps;
import io.clusterless.arc.ProjectId;
import io.clusterless.engine.activity.CloudWatchExportProps;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.engine.boundary.BoundaryProps;
import io.clusterless.engine.location.S3Location;
import io.clusterless.json.Json;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.Activity;
import io.clusterless.model.Arc;
import io.clusterless.model.Boundary;
import io.clusterless.model.Component;
import io.clusterless.model.Deployable;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.core.activity.cloudwatch.CloudWatchExportActivity;
import io.clusterless.model.core.boundary.s3put.EventArrival;
import io.clusterless.model.core.boundary.s3put.S3PutListenerBoundary;
import io.clusterless.model.core.resource.s3bucket.S3BucketResource;
import io.clusterless.model.reference.Reference;
import io.clusterless.model.reference.ReferenceResolver;
import io.clusterless.naming.PlacementNames;
import io.clusterless.naming.ProjectNames;
import io.clusterless.uri.ArcStateURI;
import io.clusterless.uri.ManifestURI;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loaded project files placed in one placement: for every component that is not excluded, the names of reference
 * §3.1, the exact props each runtime function reads, and the patterns and schedules that trigger it. Both
 * substrates place from this plan (the CDK stacks and the local runner), so what runs locally is configured exactly
 * as what runs in Lambda.
 */
public final class PlacementPlan {
    /** Head room over a workload's own timeout before its {@code running} state counts as stale. */
    static final Duration RUNNING_MARGIN = Duration.ofMinutes(10);

    private final PlacementNames placement;
    private final List<ProjectPlan> projects;
    private final Map<String, SinkDataset> owners;

    private PlacementPlan(PlacementNames placement, List<ProjectPlan> projects, Map<String, SinkDataset> owners) {
        this.placement = placement;
        this.projects = List.copyOf(projects);
        this.owners = owners;
    }

    /**
     * Plans every deployable in {@code placement}. The deployables are expected to be valid (see the model's
     * ProjectValidator); a plan cannot be made of invalid ones and says why with an IllegalArgumentException.
     */
    public static PlacementPlan of(PlacementNames placement, List<Deployable> deployables) {
        return of(placement, deployables, Map.of());
    }

    /**
     * Plans the deployables where some sources are owned by projects deployed before: {@code deployedOwners} (dataset
     * id → the owner's dataset record, read from the placement's metadata bucket) fills in what the given files do
     * not own, so arcs may read those datasets' objects (reference §3.9). Owners in the files come first.
     */
    public static PlacementPlan of(PlacementNames placement, List<Deployable> deployables,
                                   Map<String, SinkDataset> deployedOwners) {
        Map<String, SinkDataset> owners = new LinkedHashMap<>();
        for (Deployable deployable : deployables) {
            deployable.getBoundaries().stream().filter(b -> !b.isExclude() && b.getDataset() != null)
                    .forEach(b -> owners.putIfAbsent(b.getDataset().id(),
                            b.getDataset()));
            for (Arc<?> arc : deployable.getArcs()) {
                if (!arc.isExclude()) {
                    arc.getSinks().values().forEach(sink -> owners.putIfAbsent(sink.id(), sink));
                }
            }
        }
        deployedOwners.forEach(owners::putIfAbsent);
        List<ProjectPlan> projects = new ArrayList<>();
        for (Deployable deployable : deployables) {
            projects.add(new ProjectPlanner(placement, deployable, owners).plan());
        }
        return new PlacementPlan(placement, projects, owners);
    }

    public PlacementNames placement() {
        return placement;
    }

    public List<ProjectPlan> projects() {
        return projects;
    }

    /** The owner of a dataset among the planned deployables: a boundary's dataset or an arc's sink. */
    public Optional<SinkDataset> owner(String datasetId) {
        return Optional.ofNullable(owners.get(datasetId));
    }

    /** Plans one deployable. */
    private static final class ProjectPlanner {
        private final PlacementNames placement;
        private final Deployable deployable;
        private final Map<String, SinkDataset> owners;
        private final ProjectNames names;
        private final ReferenceResolver references;

        ProjectPlanner(PlacementNames placement, Deployable deployable, Map<String, SinkDataset> owners) {
            this.placement = placement;
            this.deployable = deployable;
            this.owners = owners;
            this.names = new ProjectNames(placement, deployable.getProject().getName(),
                    deployable.getProject().getVersion());
            List<Component> components = new ArrayList<>(deployable.getResources());
            components.addAll(deployable.getActivities());
            components.addAll(deployable.getBoundaries());
            components.addAll(deployable.getArcs());
            this.references = new ReferenceResolver(ComponentRegistry.defaultRegistry(), components);
        }

        ProjectPlan plan() {
            List<BoundaryPlan> boundaries = new ArrayList<>();
            for (Boundary boundary : deployable.getBoundaries()) {
                if (!boundary.isExclude()) {
                    boundaries.add(boundary(cast(boundary, S3PutListenerBoundary.class)));
                }
            }
            List<ArcPlan> arcs = new ArrayList<>();
            for (Arc<?> arc : deployable.getArcs()) {
                if (!arc.isExclude()) {
                    arcs.add(arc(arc));
                }
            }
            List<ActivityPlan> activities = new ArrayList<>();
            for (Activity activity : deployable.getActivities()) {
                if (!activity.isExclude()) {
                    activities.add(activity(cast(activity, CloudWatchExportActivity.class)));
                }
            }
            return new ProjectPlan(deployable, names, boundaries, arcs, activities);
        }

        private BoundaryPlan boundary(S3PutListenerBoundary boundary) {
            boolean frequent = boundary.getEventArrival() == EventArrival.frequent;
            LotUnit unit = LotUnit.parse(boundary.getLotUnit());
            String queue = frequent ? names.frequentQueue(boundary.getName()) : null;
            BoundaryProps props = BoundaryProps.builder()
                    .lotUnit(unit)
                    .dataset(boundary.getDataset())
                    .manifestBucket(placement.manifestBucket())
                    .eventBusName(placement.arcEventBus())
                    .filter(boundary.getFilter())
                    .lotSource(frequent ? null : boundary.getInfrequent().getLotSource())
                    .keyRegex(frequent ? null : boundary.getInfrequent().getKeyRegex())
                    .sqsQueueName(queue)
                    .sqsWaitTimeSeconds(frequent ? boundary.getFrequent().getQueueFetchWaitSec() : 0)
                    .build();
            S3Location listened = props.location();
            return new BoundaryPlan(boundary, props, frequent, names.lambdaFunction(boundary.getName(), "int"),
                    names.componentRule(boundary.getName()), queue,
                    frequent ? BoundaryProps.FREQUENT_VARIABLE : BoundaryProps.INFREQUENT_VARIABLE,
                    frequent ? EntryPoints.FREQUENT_BOUNDARY : EntryPoints.INFREQUENT_BOUNDARY,
                    frequent ? null : EventPatterns.s3ObjectCreated(listened.bucket(), listened.prefix()),
                    frequent ? EventPatterns.cron(unit) : null);
        }

        private ArcPlan arc(Arc<?> arc) {
            String name = arc.getName();
            RuntimeHandlers.WorkloadFunction workload = RuntimeHandlers.workload(arc.getType())
                    .orElseThrow(() -> new IllegalArgumentException("arc '" + name + "': no runtime workload for "
                            + "type " + arc.getType()));
            Map<String, SinkDataset> sinks = arc.getSinks();
            Map<String, String> sinkTemplates = new LinkedHashMap<>();
            sinks.forEach((role, sink) -> sinkTemplates.put(role,
                    ManifestURI.of(placement.manifestBucket(), sink).template()));
            Map<String, String> sourcePaths = new LinkedHashMap<>();
            Map<String, Optional<SinkDataset>> sourceOwners = new LinkedHashMap<>();
            List<String> subscribed = new ArrayList<>();
            arc.getSources().forEach((role, source) -> {
                sourcePaths.put(role, ManifestURI.of(placement.manifestBucket(), source)
                        .withState(ManifestState.complete).template());
                String id = source.id();
                sourceOwners.put(role, Optional.ofNullable(owners.get(id)));
                if (source.isSubscribe()) {
                    subscribed.add(id);
                }
            });
            if (subscribed.isEmpty()) {
                throw new IllegalArgumentException("arc '" + name + "': no source has subscribe=true, so nothing "
                        + "would ever start it");
            }
            JsonNode workloadTree = Json.records().valueToTree(arc.getWorkload());
            ArcProps workloadProps = new ArcProps(arc.getSources(), sinks, sourcePaths, sinkTemplates,
                    workloadTree.get("workloadProps"));
            ProjectId project = new ProjectId(deployable.getProject().getName(), deployable.getProject().getVersion());
            ArcStateProps state = new ArcStateProps(project, name, arc.getSources(), sinks,
                    ArcStateURI.of(placement.arcStateBucket(), project.name(), project.version(), name).template(),
                    placement.arcEventBus());
            Map<String, String> barrier = new LinkedHashMap<>();
            if (arc.joinsSources()) {
                arc.getSources().forEach((role, source) -> {
                    if (source.isSubscribe()) {
                        barrier.put(role, ManifestURI.of(placement.manifestBucket(), source).template());
                    }
                });
            }
            ArcGateProps gates = new ArcGateProps(state, sinkTemplates,
                    workloadTimeout(workloadTree).plus(RUNNING_MARGIN), barrier);
            return new ArcPlan(arc, arc.getType(), gates, workloadProps, sourceOwners, names.arcStack(name),
                    names.arcStateMachine(name), names.arcListenerRule(name), names.lambdaFunction(name, "start"),
                    names.lambdaFunction(name, "complete"), names.lambdaFunction(name, workload.suffix()),
                    EntryPoints.ARC_START, EntryPoints.ARC_COMPLETE, workload.handlerClass(),
                    EventPatterns.arcListener(subscribed));
        }

        private ActivityPlan activity(CloudWatchExportActivity activity) {
            LotUnit unit = LotUnit.parse(activity.getInterval());
            CloudWatchExportProps props = new CloudWatchExportProps(unit.displayName(), activity.getLogGroupName(),
                    activity.getLogStreamPrefix(), activityPath(activity),
                    activity.getRuntimeProps().getTimeoutMin());
            return new ActivityPlan(activity, props, names.lambdaFunction(activity.getName(), "act"),
                    names.componentRule(activity.getName()), CloudWatchExportProps.VARIABLE,
                    EntryPoints.CLOUD_WATCH_EXPORT, EventPatterns.cron(unit));
        }

        /** {@code bucketRef} to a bucket of this project replaces the host of {@code pathURI}. */
        private String activityPath(CloudWatchExportActivity activity) {
            String path = activity.getPathURI() == null ? "/" : activity.getPathURI();
            if (activity.getBucketRef() == null) {
                return path;
            }
            Reference ref = references.resolve(activity.getBucketRef(), S3BucketResource.TYPE);
            if (!(ref instanceof Reference.ToComponent)) {
                throw new IllegalArgumentException("activity '" + activity.getName() + "': bucketRef '"
                        + activity.getBucketRef() + "' does not name an s3Bucket of this project");
            }
            String bucket = ((S3BucketResource) ((Reference.ToComponent) ref).component()).getBucketName();
            String key = path.startsWith("s3://") ? path.substring(5).replaceFirst("^[^/]*/?", "")
                    : path.replaceFirst("^/", "");
            return "s3://" + bucket + "/" + key;
        }

        /** The longest timeout among the workload's runtime props ({@code runtimeProps}, {@code batchRuntimeProps}…). */
        private static Duration workloadTimeout(JsonNode workload) {
            int minutes = 15;
            Iterator<Map.Entry<String, JsonNode>> fields = workload.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().endsWith("untimeProps") && field.getValue().has("timeoutMin")) {
                    minutes = Math.max(minutes, field.getValue().get("timeoutMin").asInt());
                }
            }
            return Duration.ofMinutes(minutes);
        }

        private <T> T cast(Component component, Class<T> type) {
            if (!type.isInstance(component)) {
                throw new IllegalArgumentException(component.getType() + " '" + component.getName()
                        + "' cannot be placed: no runtime for this type");
            }
            return type.cast(component);
        }
    }
}

package io.clusterless.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.arc.ArcStateProps;
import io.clusterless.arc.ProjectId;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.json.Json;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.Activity;
import io.clusterless.model.Arc;
import io.clusterless.model.ArcSchedule;
import io.clusterless.model.Boundary;
import io.clusterless.model.Component;
import io.clusterless.model.Deployable;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.component.ComponentRegistry;
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
        Map<String, LotUnit> units = DatasetUnits.declared(deployables);
        List<ProjectPlan> projects = new ArrayList<>();
        for (Deployable deployable : deployables) {
            projects.add(new ProjectPlanner(placement, deployable, owners, units).plan());
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
        private final Map<String, LotUnit> units;
        private final ProjectNames names;
        private final ReferenceResolver references;

        ProjectPlanner(PlacementNames placement, Deployable deployable, Map<String, SinkDataset> owners,
                       Map<String, LotUnit> units) {
            this.placement = placement;
            this.deployable = deployable;
            this.owners = owners;
            this.units = units;
            this.names = ProjectNames.of(placement, deployable);
            List<Component> components = new ArrayList<>(deployable.getResources());
            components.addAll(deployable.getActivities());
            components.addAll(deployable.getBoundaries());
            components.addAll(deployable.getArcs());
            this.references = new ReferenceResolver(ComponentRegistry.defaultRegistry(), components);
        }

        ProjectPlan plan() {
            PlanContext context = new PlanContext(placement, deployable, names, references);
            Planners planners = Planners.defaultPlanners();
            List<BoundaryPlan> boundaries = new ArrayList<>();
            for (Boundary boundary : deployable.getBoundaries()) {
                if (!boundary.isExclude()) {
                    boundaries.add(planners.boundary(boundary).plan(boundary, context));
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
                    activities.add(planners.activity(activity).plan(activity, context));
                }
            }
            return new ProjectPlan(deployable, names, boundaries, arcs, activities);
        }

        private ArcPlan arc(Arc<?> arc) {
            String name = arc.getName();
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
            boolean scheduled = arc.getSchedule() != null;
            if (subscribed.isEmpty() && !scheduled) {
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
            // a tick runs with what the sources hold then (ADR-0013)
            if ((arc.joinsSources() || arc.rollsUp()) && !scheduled) {
                arc.getSources().forEach((role, source) -> {
                    if (source.isSubscribe()) {
                        barrier.put(role, ManifestURI.of(placement.manifestBucket(), source).template());
                    }
                });
            }
            ArcGateProps gates = new ArcGateProps(state, sinkTemplates,
                    workloadTimeout(workloadTree).plus(RUNNING_MARGIN), barrier, rollUp(arc), tickRollUp(arc));
            return new ArcPlan(arc, arc.getType(), gates, workloadProps, sourceOwners, names.arcStack(name),
                    names.arcStateMachine(name), names.arcListenerRule(name), names.lambdaFunction(name, "start"),
                    names.lambdaFunction(name, "complete"),
                    // a scheduled arc's rule is its schedule (ADR-0013): no source lot starts it
                    scheduled ? null : EventPatterns.arcListener(subscribed), names);
        }

        /**
         * A roll-up's units (ADR-0012). Every subscribed source's unit must be known: without it the gate could not
         * tell which source lots a lot covers, and so could not tell a missing lot from one never expected.
         */
        private ArcGateProps.RollUp rollUp(Arc<?> arc) {
            if (!arc.rollsUp()) {
                return null;
            }
            Map<String, LotUnit> sourceUnits = new LinkedHashMap<>();
            arc.getSources().forEach((role, source) -> {
                if (source.isSubscribe()) {
                    LotUnit unit = units.get(source.id());
                    if (unit == null) {
                        throw new IllegalArgumentException("arc '" + arc.getName() + "' rolls up source '" + role
                                + "' (" + source.id() + "), whose lot unit no boundary or arc in these project "
                                + "files declares; place the project that owns it together with this one");
                    }
                    sourceUnits.put(role, unit);
                }
            });
            return new ArcGateProps.RollUp(LotUnit.parse(arc.getLotUnit()),
                    arc.getLateAfter() == null ? null : Duration.parse(arc.getLateAfter()), sourceUnits);
        }

        /**
         * A scheduled roll-up's units (ADR-0012, ADR-0013): a scheduled arc some of whose sources' lots are finer than
         * its ticks' lots covers every source's lots inside each tick's lot; then every source's unit must be known,
         * for the same reason as a roll-up's. Null when every known source unit is the tick's (a tick reads the lot of
         * the same id, ADR-0013).
         */
        private ArcGateProps.RollUp tickRollUp(Arc<?> arc) {
            Optional<ArcSchedule> schedule = ArcSchedule.of(arc);
            if (schedule.isEmpty()) {
                return null;
            }
            LotUnit tick = schedule.get().lotUnit();
            boolean finer = arc.getSources().values().stream()
                    .map(source -> units.get(source.id()))
                    .anyMatch(unit -> unit != null && unit != tick);
            if (!finer) {
                return null;
            }
            Map<String, LotUnit> sourceUnits = new LinkedHashMap<>();
            arc.getSources().forEach((role, source) -> {
                LotUnit unit = units.get(source.id());
                if (unit == null) {
                    throw new IllegalArgumentException("scheduled arc '" + arc.getName() + "' rolls its sources up "
                            + "into " + tick.displayName() + " lots, but no boundary or arc in these project files "
                            + "declares the lot unit of source '" + role + "' (" + source.id() + "); place the "
                            + "project that owns it together with this one");
                }
                sourceUnits.put(role, unit);
            });
            return new ArcGateProps.RollUp(tick, null, sourceUnits);
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
    }
}

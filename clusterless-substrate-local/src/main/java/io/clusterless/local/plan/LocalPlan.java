package io.clusterless.local.plan;

import io.clusterless.arc.ArcProps;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.engine.boundary.BoundaryProps;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.BoundaryPlan;
import io.clusterless.engine.plan.EventPatterns;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.model.Arc;
import io.clusterless.model.Boundary;
import io.clusterless.model.Deployable;
import io.clusterless.model.Placement;
import io.clusterless.naming.PlacementNames;
import io.clusterless.naming.ProjectNames;

import java.util.ArrayList;
import java.util.List;

/**
 * What the local substrate places for a set of deployables, taken from the shared {@link PlacementPlan} (the one the
 * CDK stacks synthesize from): the boundary and arc props the handlers read and the EventBridge patterns that route
 * events to them, so local routing and the stacks share one source.
 */
public final class LocalPlan {
    private final PlacementNames placement;
    private final PlacementPlan shared;
    private final List<BoundaryEntry> boundaries;
    private final List<ArcEntry> arcs;
    private final List<Deployable> deployables;

    private LocalPlan(PlacementNames placement, PlacementPlan shared, List<Deployable> deployables,
                      List<BoundaryEntry> boundaries, List<ArcEntry> arcs) {
        this.placement = placement;
        this.shared = shared;
        this.deployables = List.copyOf(deployables);
        this.boundaries = List.copyOf(boundaries);
        this.arcs = List.copyOf(arcs);
    }

    /**
     * A boundary to run: its props, whether it is frequent, and the pattern that routes S3 events to it. A frequent
     * boundary's objects reach its queue by an S3 notification filtered on the same bucket and prefix; locally that
     * filter is the same Object Created pattern an infrequent boundary's rule has.
     */
    public record BoundaryEntry(ProjectNames project, Boundary model, BoundaryProps props,
                                boolean frequent, String ruleName, String eventPattern) {
    }

    /** An arc to run: gate props, workload props, and the pattern of its listener rule. */
    public record ArcEntry(ProjectNames project, Arc<?> model, ArcGateProps gateProps, ArcProps workloadProps,
                           String ruleName, String listenerPattern) {
    }

    /**
     * @throws IllegalArgumentException if the deployables name different placements, or cannot be planned
     */
    public static LocalPlan of(List<Deployable> deployables) {
        if (deployables.isEmpty()) {
            throw new IllegalArgumentException("no project to place");
        }
        PlacementNames placement = placementOf(deployables.get(0).getPlacement());
        for (Deployable deployable : deployables) {
            PlacementNames other = placementOf(deployable.getPlacement());
            if (!other.equals(placement)) {
                throw new IllegalArgumentException("project " + deployable.getProject().id() + " is placed in "
                        + other + ", not " + placement + "; run one placement at a time");
            }
        }
        PlacementPlan plan = PlacementPlan.of(placement, deployables);
        List<BoundaryEntry> boundaries = new ArrayList<>();
        List<ArcEntry> arcs = new ArrayList<>();
        for (ProjectPlan project : plan.projects()) {
            for (BoundaryPlan boundary : project.boundaries()) {
                S3Location location = boundary.props().location();
                String pattern = boundary.frequent()
                        ? EventPatterns.s3ObjectCreated(location.bucket(), location.prefix()) : boundary.eventPattern();
                boundaries.add(new BoundaryEntry(project.names(), boundary.model(), boundary.props(),
                        boundary.frequent(), boundary.ruleName(), pattern));
            }
            for (ArcPlan arc : project.arcs()) {
                arcs.add(new ArcEntry(project.names(), arc.model(), arc.gateProps(), arc.workloadProps(),
                        arc.ruleName(), arc.listenerPattern()));
            }
        }
        return new LocalPlan(placement, plan, deployables, boundaries, arcs);
    }

    public PlacementNames placement() {
        return placement;
    }

    /** The shared plan this one was made from, for readers of the placement such as status and gap reports. */
    public PlacementPlan placementPlan() {
        return shared;
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
        return PlacementNames.of(placement);
    }
}

package io.clusterless.engine.status;

import io.clusterless.arc.ProjectId;
import io.clusterless.engine.plan.DatasetUnits;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.SinkDataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's freshness watch on AWS: one scheduled function over the datasets the project writes that declare
 * targets (its boundaries' datasets and its arcs' sinks), named {@code <STAGE>-<project>-cls-fresh-<version>-<region>}
 * ({@code fresh} is no component's function suffix, so no component's function can take the name).
 */
public record FreshnessPlan(String functionName, String ruleName, FreshnessProps props) {
    /** The watch's Lambda entry point, in clusterless-lambda-runtime (LambdaJarIT loads it from the jar). */
    public static final String HANDLER = "io.clusterless.runtime.status.FreshnessHandler";

    /** Every five minutes: the finest lot unit; a level is never more than one tick late. */
    public static final String SCHEDULE = "rate(5 minutes)";

    public static Optional<FreshnessPlan> of(PlacementPlan placement, ProjectPlan project) {
        Map<String, SinkDataset> targeted = new LinkedHashMap<>();
        project.boundaries().stream().map(boundary -> boundary.props().dataset())
                .filter(dataset -> dataset.getFreshness() != null)
                .forEach(dataset -> targeted.putIfAbsent(dataset.id(), dataset));
        project.arcs().forEach(arc -> arc.model().getSinks().values().stream()
                .filter(sink -> sink.getFreshness() != null)
                .forEach(sink -> targeted.putIfAbsent(sink.id(), sink)));
        if (targeted.isEmpty()) {
            return Optional.empty();
        }
        DatasetUnits units = new DatasetUnits(placement);
        List<FreshnessProps.Watched> watched = new ArrayList<>();
        targeted.forEach((id, dataset) -> watched.add(new FreshnessProps.Watched(dataset.getName(),
                dataset.getVersion(), units.ofDataset(id).orElse(LotUnit.TWELFTHS), dataset.getFreshness())));
        ProjectId id = new ProjectId(project.deployable().getProject().getName(),
                project.deployable().getProject().getVersion());
        FreshnessProps props = new FreshnessProps(id, placement.placement().manifestBucket(),
                placement.placement().metadataBucket(), placement.placement().arcEventBus(), watched);
        return Optional.of(new FreshnessPlan(project.names().lambdaFunction("cls", "fresh"),
                project.names().componentRule("cls-fresh"), props));
    }
}

package io.clusterless.model.validate;

import io.clusterless.model.Arc;
import io.clusterless.model.Boundary;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.component.SinkScheme;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The locations every boundary and arc declares: s3:// for data; an arc's sinks in the scheme of its type
 * ({@link ComponentPlugin#sinkScheme()}), so glue:// only for the types that add Glue partitions. Locations and
 * bucket names only one type declares are checked by that type's rules.
 */
final class LocationRule implements Rule {
    private final ComponentRegistry registry;

    LocationRule(ComponentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        for (Located<Boundary> boundary : Elements.ofType(project, Boundary.class)) {
            String uri = boundary.value().getDataset().getPathURI();
            String problem = Locations.s3Problem(uri);
            if (problem != null) {
                problems.add(boundary.problemAt("boundary dataset " + problem, "dataset", "pathURI"));
            }
        }
        for (Located<Arc<?>> arc : Elements.arcs(project)) {
            SinkScheme scheme = registry.plugin(arc.value().getType()).orElseThrow().sinkScheme();
            for (Map.Entry<String, SinkDataset> sink : arc.value().getSinks().entrySet()) {
                String problem = sinkProblem(scheme, sink.getValue().getPathURI());
                if (problem != null) {
                    problems.add(arc.problemAt(problem, "sinks", sink.getKey(), "pathURI"));
                }
            }
        }
    }

    private String sinkProblem(SinkScheme scheme, String uri) {
        return switch (scheme) {
            case GLUE -> Locations.isGlue(uri) ? Locations.glueProblem(uri)
                    : "\"" + uri + "\" must be a Glue table: glue://[catalog]/database/table";
            case S3 -> Locations.isGlue(uri)
                    ? "glue:// sinks are only for " + typesWriting(SinkScheme.GLUE) + "; write s3://bucket/prefix/"
                    : Locations.s3Problem(uri);
        };
    }

    private String typesWriting(SinkScheme scheme) {
        return registry.all().stream()
                .filter(type -> type.kind() == ComponentKind.ARC
                        && registry.plugin(type.id()).orElseThrow().sinkScheme() == scheme)
                .map(ComponentType::id)
                .collect(Collectors.joining(", "));
    }
}

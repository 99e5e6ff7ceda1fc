package io.clusterless.model.validate;

import io.clusterless.model.Arc;
import io.clusterless.model.Boundary;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.component.SinkScheme;
import io.clusterless.model.core.activity.cloudwatch.CloudWatchExportActivity;
import io.clusterless.model.core.resource.gluetable.GlueTableResource;
import io.clusterless.model.core.resource.s3bucket.S3BucketResource;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.naming.BucketNames;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bucket names and the schemes of every location: s3:// for data; an arc's sinks in the scheme of its type
 * ({@link ComponentPlugin#sinkScheme()}), so glue:// only for the types that add Glue partitions.
 */
final class LocationRule implements Rule {
    private final ComponentRegistry registry;

    LocationRule(ComponentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        for (Located<S3BucketResource> bucket : Elements.ofType(project, S3BucketResource.class)) {
            String problem = BucketNames.problem(bucket.value().getBucketName());
            if (problem != null) {
                problems.add(bucket.problem("bucketName", problem));
            }
        }
        for (Located<Boundary> boundary : Elements.ofType(project, Boundary.class)) {
            String uri = boundary.value().getDataset().getPathURI();
            String problem = Locations.s3Problem(uri);
            if (problem != null) {
                problems.add(boundary.problemAt("boundary dataset " + problem, "dataset", "pathURI"));
            }
        }
        for (Located<GlueTableResource> table : Elements.ofType(project, GlueTableResource.class)) {
            String problem = Locations.s3Problem(table.value().getPathURI());
            if (problem != null) {
                problems.add(table.problem("pathURI", "table location " + problem));
            }
        }
        for (Located<CloudWatchExportActivity> export : Elements.ofType(project, CloudWatchExportActivity.class)) {
            String uri = export.value().getPathURI();
            boolean bucketFromRef = export.value().getBucketRef() != null
                    && (uri.startsWith("s3:///") || uri.startsWith("/"));
            String problem = bucketFromRef
                    ? Locations.keyProblem(uri, uri.startsWith("/") ? uri : uri.substring("s3://".length()))
                    : Locations.s3Problem(uri);
            if (problem != null) {
                problems.add(export.problem("pathURI", "export destination " + problem
                        + (uri.startsWith("/") || uri.startsWith("s3:///") ? " (or set bucketRef)" : "")));
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

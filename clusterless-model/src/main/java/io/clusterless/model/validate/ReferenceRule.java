package io.clusterless.model.validate;

import io.clusterless.model.Component;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.core.activity.cloudwatch.CloudWatchExportActivity;
import io.clusterless.model.core.arc.batch.BatchExecArc;
import io.clusterless.model.core.resource.compute.ComputeResource;
import io.clusterless.model.core.resource.gluedatabase.GlueDatabaseResource;
import io.clusterless.model.core.resource.gluetable.GlueTableResource;
import io.clusterless.model.core.resource.s3bucket.S3BucketResource;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.model.reference.Reference;
import io.clusterless.model.reference.ReferenceResolver;

import java.util.List;

/** Reference fields point at a component of the right type, an export ref or an ARN. */
final class ReferenceRule implements Rule {
    private final ComponentRegistry registry;

    ReferenceRule(ComponentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        List<Component> components = Elements.components(project).stream().map(Located::value).toList();
        ReferenceResolver resolver = new ReferenceResolver(registry, components);
        for (Located<BatchExecArc> arc : Elements.ofType(project, BatchExecArc.class)) {
            check(resolver.resolve(arc.value().getWorkload().getComputeEnvironmentRef(), ComputeResource.TYPE),
                    arc, problems, "workload", "computeEnvironmentRef");
        }
        for (Located<GlueTableResource> table : Elements.ofType(project, GlueTableResource.class)) {
            check(resolver.resolve(table.value().getDatabaseRef(), GlueDatabaseResource.TYPE), table, problems,
                    "databaseRef");
        }
        for (Located<CloudWatchExportActivity> export : Elements.ofType(project, CloudWatchExportActivity.class)) {
            String ref = export.value().getBucketRef();
            if (ref == null) {
                continue;
            }
            Reference reference = resolver.resolve(ref, S3BucketResource.TYPE);
            if (!(reference instanceof Reference.ToComponent) && !(reference instanceof Reference.Unresolved)) {
                // the bucket policy for the logs service is added to the bucket construct, so it must be ours
                reference = new Reference.Unresolved("bucketRef must name an aws:core:s3Bucket of this project");
            }
            check(reference, export, problems, "bucketRef");
        }
    }

    private static void check(Reference reference, Located<?> located, List<Problem> problems, Object... path) {
        if (reference instanceof Reference.Unresolved unresolved) {
            problems.add(located.problemAt(unresolved.reason(), path));
        }
    }
}

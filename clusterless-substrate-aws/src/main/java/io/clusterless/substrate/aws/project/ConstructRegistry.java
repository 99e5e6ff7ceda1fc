package io.clusterless.substrate.aws.project;

import io.clusterless.model.Resource;
import io.clusterless.model.core.arc.batch.BatchExecArc;
import io.clusterless.model.core.arc.function.LambdaExecArc;
import io.clusterless.model.core.arc.gluepartitions.GlueAddPartitionsArc;
import io.clusterless.model.core.arc.s3copy.S3CopyArc;
import io.clusterless.model.core.resource.compute.ComputeResource;
import io.clusterless.model.core.resource.eventbus.EventBridgeResource;
import io.clusterless.model.core.resource.gluedatabase.GlueDatabaseResource;
import io.clusterless.model.core.resource.gluetable.GlueTableResource;
import io.clusterless.model.core.resource.s3bucket.S3BucketResource;
import io.clusterless.substrate.aws.construct.BatchExecArcConstruct;
import io.clusterless.substrate.aws.construct.ComputeEnvironmentConstruct;
import io.clusterless.substrate.aws.construct.EventBusConstruct;
import io.clusterless.substrate.aws.construct.GlueAddPartitionsArcConstruct;
import io.clusterless.substrate.aws.construct.GlueDatabaseConstruct;
import io.clusterless.substrate.aws.construct.GlueTableConstruct;
import io.clusterless.substrate.aws.construct.LambdaExecArcConstruct;
import io.clusterless.substrate.aws.construct.S3BucketConstruct;
import io.clusterless.substrate.aws.construct.S3CopyArcConstruct;
import software.constructs.Construct;

import java.util.Map;
import java.util.Optional;

/**
 * The construct of each resource and arc type: the one place an AWS component type meets its CDK code. Boundaries
 * and activities have one type each and are built from their plans.
 */
public final class ConstructRegistry {
    /** Builds one resource into the grouped stack. */
    @FunctionalInterface
    public interface ResourceConstruct {
        void build(Construct stack, ProjectScope project, Resource resource);
    }

    private static final Map<String, ResourceConstruct> RESOURCES = Map.of(
            S3BucketResource.TYPE, (stack, project, r) -> new S3BucketConstruct(stack, project, (S3BucketResource) r),
            EventBridgeResource.TYPE, (stack, project, r) -> new EventBusConstruct(stack, project, (EventBridgeResource) r),
            GlueDatabaseResource.TYPE, (stack, project, r) ->
                    new GlueDatabaseConstruct(stack, project, (GlueDatabaseResource) r),
            GlueTableResource.TYPE, (stack, project, r) -> new GlueTableConstruct(stack, project, (GlueTableResource) r),
            ComputeResource.TYPE, (stack, project, r) ->
                    new ComputeEnvironmentConstruct(stack, project, (ComputeResource) r));

    private static final Map<String, ArcWorkload> ARCS = Map.of(
            S3CopyArc.TYPE, new S3CopyArcConstruct(),
            GlueAddPartitionsArc.TYPE, new GlueAddPartitionsArcConstruct(),
            BatchExecArc.TYPE, new BatchExecArcConstruct(),
            LambdaExecArc.TYPE, new LambdaExecArcConstruct(),
            io.clusterless.model.core.arc.athena.AthenaQueryArc.TYPE, new io.clusterless.substrate.aws.construct.athena.AthenaQueryArcConstruct()); // athena:

    private ConstructRegistry() {
    }

    public static Optional<ResourceConstruct> resource(String type) {
        return Optional.ofNullable(RESOURCES.get(type));
    }

    public static Optional<ArcWorkload> arc(String type) {
        return Optional.ofNullable(ARCS.get(type));
    }
}

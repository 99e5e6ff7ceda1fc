package io.clusterless.model.core;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.core.activity.cloudwatch.CloudWatchExportActivity;
import io.clusterless.model.core.arc.batch.BatchExecArc;
import io.clusterless.model.core.arc.function.LambdaExecArc;
import io.clusterless.model.core.arc.gluepartitions.GlueAddPartitionsArc;
import io.clusterless.model.core.arc.s3copy.S3CopyArc;
import io.clusterless.model.core.boundary.s3put.S3PutListenerBoundary;
import io.clusterless.model.core.resource.compute.ComputeResource;
import io.clusterless.model.core.resource.eventbus.EventBridgeResource;
import io.clusterless.model.core.resource.gluedatabase.GlueDatabaseResource;
import io.clusterless.model.core.resource.gluetable.GlueTableResource;
import io.clusterless.model.core.resource.s3bucket.S3BucketResource;

import java.util.List;

/** The built-in {@code aws:core:*} component types. */
public final class CorePlugin implements ComponentPlugin {
    /** Start and complete gates plus the workload function. */
    private static final List<String> ARC_WITH_FUNCTION = List.of("start", "complete", "func");

    @Override
    public List<ComponentType> componentTypes() {
        return List.of(
                new ComponentType(S3BucketResource.TYPE, ComponentKind.RESOURCE, S3BucketResource.class,
                        "An S3 bucket.",
                        "Creates an S3 bucket with S3-managed encryption, TLS-only access and all public access blocked. "
                                + "With enableEventBridge (the default) object events go to the default EventBridge bus, "
                                + "which infrequent s3PutListenerBoundary components need.",
                        List.of()),
                new ComponentType(ComputeResource.TYPE, ComponentKind.RESOURCE, ComputeResource.class,
                        "An AWS Batch Fargate compute environment.",
                        "Creates a managed Fargate compute environment in the placement's bootstrap VPC, for "
                                + "batchExecArc workloads to reference by name with computeEnvironmentRef.",
                        List.of()),
                new ComponentType(EventBridgeResource.TYPE, ComponentKind.RESOURCE, EventBridgeResource.class,
                        "A custom EventBridge bus.",
                        "Creates a custom EventBridge event bus and exports its ARN and name.",
                        List.of()),
                new ComponentType(GlueDatabaseResource.TYPE, ComponentKind.RESOURCE, GlueDatabaseResource.class,
                        "A Glue Data Catalog database.",
                        "Creates a Glue database; glueTable components point at it with databaseRef.",
                        List.of()),
                new ComponentType(GlueTableResource.TYPE, ComponentKind.RESOURCE, GlueTableResource.class,
                        "A Glue table over an S3 prefix.",
                        "Creates a Glue table with the given columns, partition keys and data format, located at "
                                + "pathURI. glueAddPartitionsArc sinks (glue://[catalog]/database/table) register "
                                + "partitions in it.",
                        List.of()),
                new ComponentType(CloudWatchExportActivity.TYPE, ComponentKind.ACTIVITY, CloudWatchExportActivity.class,
                        "Exports a CloudWatch Logs group to S3 every interval.",
                        "Every Fourths, Sixths or Twelfths interval, creates a CloudWatch Logs export task for the "
                                + "interval that just ended, writing to pathURI. With bucketRef, the bucket of that "
                                + "s3Bucket component is used and granted to the logs service.",
                        List.of("act")),
                new ComponentType(S3PutListenerBoundary.TYPE, ComponentKind.BOUNDARY, S3PutListenerBoundary.class,
                        "Turns objects put under an S3 prefix into lots of a dataset.",
                        "Listens for objects created under dataset.pathURI and groups them into lots of lotUnit. "
                                + "infrequent: each S3 event writes its lot's manifest (one object per lot; later "
                                + "objects are recorded as late arrivals). frequent: events queue up and a manifest, "
                                + "empty when nothing arrived, is written at the end of every interval. Each manifest "
                                + "is announced on the arc event bus for subscribed arcs.",
                        List.of("int")),
                new ComponentType(S3CopyArc.TYPE, ComponentKind.ARC, S3CopyArc.class,
                        "Copies each lot of a dataset to other S3 locations.",
                        "For every lot of its source, copies the objects kept by the filter to each sink, keeping "
                                + "their paths relative to the dataset prefix, and writes the sink manifest. "
                                + "failArcOnPartialPercent lets some copies fail with a partial manifest.",
                        ARC_WITH_FUNCTION),
                new ComponentType(GlueAddPartitionsArc.TYPE, ComponentKind.ARC, GlueAddPartitionsArc.class,
                        "Registers the partitions of each lot in a Glue table.",
                        "For every lot of its source, derives partitions from the object paths (named key=value "
                                + "segments or plain values) and adds them, 100 at a time, to the Glue table of each "
                                + "sink glue://[catalog]/database/table.",
                        ARC_WITH_FUNCTION),
                new ComponentType(BatchExecArc.TYPE, ComponentKind.ARC, BatchExecArc.class,
                        "Runs a container on AWS Batch for each lot.",
                        "Builds the Docker image in imagePath and runs command on the referenced Fargate compute "
                                + "environment for every lot. `$.` arguments are replaced from the workload context "
                                + "(e.g. $.arcNotifyEvent.lot, $.arcNotifyEvent.manifest). The container reads "
                                + "CLS_ARC_PROPS_JSON and writes its sink manifests at sinkManifestTemplates.",
                        List.of("start", "complete", "result")),
                new ComponentType(LambdaExecArc.TYPE, ComponentKind.ARC, LambdaExecArc.class,
                        "Runs your own Python, Node or Java function for each lot.",
                        "Invokes handler (runtime python3.12/3.13, nodejs20.x/22.x, java17/21) once per lot with the "
                                + "lot's source objects and sink paths (docs/function-contract.md); the function writes "
                                + "its objects under the sinks' pathURI and returns them per sink role, and cls writes "
                                + "the sink manifests. An exception, a timeout or an object outside a sink fails the "
                                + "lot. codePath is zipped as it is: vendor dependencies into it. Locally the handler "
                                + "runs in a child python3, node or java with the local S3 endpoint's credentials.",
                        List.of("start", "complete", "func", "result")),
                io.clusterless.model.core.arc.athena.AthenaQueryDocs.TYPE); // athena: the type's registration
    }
}

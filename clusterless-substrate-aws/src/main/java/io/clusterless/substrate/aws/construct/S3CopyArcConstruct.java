package io.clusterless.substrate.aws.construct;

import io.clusterless.model.core.arc.s3copy.S3CopyArc;
import io.clusterless.substrate.aws.project.ArcContext;
import io.clusterless.substrate.aws.project.ArcWorkload;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;

import java.util.List;

/** {@code aws:core:s3CopyArc}: one Lambda copies the lot's objects from each source to each sink. */
public final class S3CopyArcConstruct implements ArcWorkload {
    @Override
    public List<TaskStateBase> tasks(ArcContext arc) {
        S3CopyArc model = (S3CopyArc) arc.plan().model();
        HandlerFunction function = new HandlerFunction(arc.scope(), "S3Copy", new HandlerFunction.Spec(
                arc.plan().workloadFunction(), arc.plan().workloadHandler(), model.getWorkload().getRuntimeProps(),
                arc.workloadEnvironment(), "clusterless s3 copy of arc " + arc.plan().name()),
                arc.project());
        arc.grantReadSources(function.role(), true);
        arc.grantWriteSinks(function.role(), true);
        return List.of(workloadTask(arc, "S3CopyFunction", function));
    }

    /** A workload Lambda task: workload context in, sink manifests out. */
    static LambdaInvoke workloadTask(ArcContext arc, String id, HandlerFunction function) {
        return LambdaInvoke.Builder.create(arc.scope(), id)
                .lambdaFunction(function.target())
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(true)
                .inputPath("$.arcWorkloadContext")
                .resultPath("$.sinkManifests")
                .build();
    }
}

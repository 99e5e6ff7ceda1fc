package io.clusterless.substrate.aws.component.arc.s3copy;

import io.clusterless.model.core.arc.s3copy.S3CopyArc;
import io.clusterless.substrate.aws.construct.ArcContext;
import io.clusterless.substrate.aws.construct.HandlerFunction;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;

import java.util.List;

/** {@code aws:core:s3CopyArc}: one Lambda copies the lot's objects from each source to each sink. */
public final class S3CopyArcConstruct {
    public List<TaskStateBase> tasks(ArcContext arc) {
        S3CopyArc model = (S3CopyArc) arc.plan().model();
        HandlerFunction function = arc.originalWorkloadFunction("Func", new HandlerFunction.Spec(
                arc.plan().workloadFunction(), arc.plan().workloadHandler(), model.getWorkload().getRuntimeProps(),
                arc.workloadEnvironment(), "clusterless s3 copy of arc " + arc.plan().name()));
        arc.grantReadSources(function.policy(), true);
        arc.grantWriteSinks(function.policy(), true);
        return List.of(arc.workloadTask("S3CopyFunction", function));
    }
}

package io.clusterless.runtime.workload.sagemaker;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.engine.workload.sagemaker.SageMakerJobProps;
import io.clusterless.engine.workload.sagemaker.SageMakerWorkload;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.aws.SageMakerJobs;
import io.clusterless.runtime.lambda.HandlerProps;
import io.clusterless.runtime.lambda.JsonStreamHandler;
import io.clusterless.runtime.workload.AttemptIds;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Lambda entry point of the SageMaker arcs, on either side of the state machine's SageMaker task:
 * {@code step=prepare} names the lot's job (arc, lot and the run's attempt token), writes its input manifest files,
 * empties the sinks' lot folders and returns the lot's part of the request ({@link JobRequest});
 * {@code step=result} looks the job up by name and, once it completed, lists the sink folders into the sink
 * manifests. The result step runs after the task however it ended: a start SageMaker refused because the name exists
 * (a retried or redriven step) finds that job and waits for it ({@link SageMakerJobRunningException}, retried by
 * the state machine); a failed job fails the lot with SageMaker's reason, which the complete gate records for
 * {@code cls gaps}.
 */
public final class SageMakerJobHandler extends JsonStreamHandler<SageMakerJobHandler.Request, Object> {
    /**
     * @param step    {@code prepare} or {@code result}
     * @param context the arc's workload context
     * @param attempt the start gate's token of this run ({@code $.arcAttempt})
     * @param job     {@code step=result}: the prepare step's answer, with the SageMaker task's caught error as
     *                {@code error} when it failed
     */
    public record Request(String step, ArcWorkloadContext context, String attempt, JsonNode job) {
    }

    private final ArcProps props;
    private final SageMakerJobProps jobProps;
    private final SageMakerWorkload workload;
    private final SageMakerJobs jobs;

    public SageMakerJobHandler() {
        this(System.getenv(), AwsClients.fromEnvironment());
    }

    public SageMakerJobHandler(Map<String, String> environment, AwsClients clients) {
        super(Request.class);
        CompletableFuture<S3ObjectStore> s3 = clients.s3StoreInBackground();
        this.props = HandlerProps.read(environment, "CLS_ARC_PROPS_JSON", ArcProps.class);
        this.jobProps = SageMakerJobProps.from(props.workloadProps());
        this.jobs = new SageMakerJobs(clients);
        this.workload = new SageMakerWorkload(AwsClients.join(s3));
    }

    @Override
    public Object handle(Request request, Context context) {
        SageMakerWorkload.JobPlan plan = workload.plan(request.context(), props, jobProps, request.attempt());
        if ("prepare".equals(request.step())) {
            workload.prepare(plan);
            return JobRequest.of(plan);
        }
        if ("result".equals(request.step())) {
            if (!plan.runsJob()) {
                return workload.finish(plan, AttemptIds.of(context));
            }
            String jobName = request.job() == null ? plan.jobName() : request.job().path("jobName").asText(plan.jobName());
            String kind = jobProps.kind().name();
            JobOutcome.require(kind, jobName, jobs.describe(kind, jobName),
                    request.job() == null ? null : request.job().path("error"));
            return workload.finish(plan, AttemptIds.of(context));
        }
        throw new IllegalArgumentException("step must be prepare or result, found: " + request.step());
    }
}

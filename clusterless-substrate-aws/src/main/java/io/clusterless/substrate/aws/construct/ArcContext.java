package io.clusterless.substrate.aws.construct;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.json.Json;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.naming.Label;
import io.clusterless.substrate.aws.iam.Access;
import io.clusterless.substrate.aws.iam.Grantee;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an arc type's workload construct is given: the arc stack to build in, the project and the arc's plan, and
 * the dataset grants every arc workload needs. It remembers the ids of the tasks it makes ({@link #taskId}).
 */
public record ArcContext(Construct scope, ProjectScope project, ArcPlan plan, Map<TaskStateBase, String> taskIds) {
    public static final String WORKLOAD_PROPS_VARIABLE = "CLS_ARC_PROPS_JSON";

    public ArcContext(Construct scope, ProjectScope project, ArcPlan plan) {
        this(scope, project, plan, new IdentityHashMap<>());
    }

    /** The construct id of a task of the workload: as {@link #workloadTask} gave it, else node's answer. */
    public String taskId(TaskStateBase task) {
        String id = taskIds.get(task);
        return id != null ? id : task.getId();
    }

    /** The workload's props as its functions and containers read them from {@value #WORKLOAD_PROPS_VARIABLE}. */
    public String workloadPropsJson() {
        try {
            return Json.records().writeValueAsString(plan.workloadProps());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write arc props", e);
        }
    }

    public Map<String, String> workloadEnvironment() {
        return Map.of(WORKLOAD_PROPS_VARIABLE, workloadPropsJson());
    }

    public String manifestBucket() {
        return project.placementPlan().placement().manifestBucket();
    }

    /** Read on every source's manifests and, where its owner is known, its objects. */
    public void grantReadSources(Grantee role, boolean objects) {
        for (Map.Entry<String, SourceDataset> source : plan.model().getSources().entrySet()) {
            Access.read(role, manifestBucket(), Access.manifestPrefix(source.getValue()));
            if (!objects) {
                continue;
            }
            Optional<SinkDataset> owner = plan.sourceOwners().getOrDefault(source.getKey(), Optional.empty());
            if (owner.isPresent() && owner.get().getPathURI().startsWith("s3://")) {
                S3Location location = S3Location.parse(owner.get().getPathURI());
                Access.read(role, location.bucket(), location.prefix());
            } else if (owner.isEmpty()) {
                project.note("arc '" + plan.name() + "': source " + source.getValue().id() + " is owned by a project "
                        + "not given to this synth; pass its file too (-p) so the arc may read its objects");
            }
        }
        Access.allowObjectWildcards(role);
    }

    /** Read/write on every sink's manifests and, for S3 sinks when {@code objects}, its objects. */
    public void grantWriteSinks(Grantee role, boolean objects) {
        for (SinkDataset sink : plan.model().getSinks().values()) {
            Access.readWrite(role, manifestBucket(), Access.manifestPrefix(sink));
            if (objects && sink.getPathURI().startsWith("s3://")) {
                S3Location location = S3Location.parse(sink.getPathURI());
                Access.readWrite(role, location.bucket(), location.prefix());
            }
        }
        Access.allowObjectWildcards(role);
    }

    /**
     * A workload function at the original's construct path, {@code <baseId>/<Arc><baseId>} ({@code Func} for its
     * Lambda workloads, {@code Result} for Batch's result function), so a deploy over its arc stack keeps the
     * function (ADR-0016).
     */
    public HandlerFunction originalWorkloadFunction(String baseId, HandlerFunction.Spec spec) {
        return HandlerFunction.inOriginalLayout(new Construct(scope, baseId), Label.upperCamel(plan.name()) + baseId,
                spec, project);
    }

    /** A workload Lambda task: workload context in, sink manifests out. */
    public LambdaInvoke workloadTask(String id, HandlerFunction function) {
        LambdaInvoke task = LambdaInvoke.Builder.create(scope, id)
                .lambdaFunction(function.target())
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(true)
                .inputPath("$.arcWorkloadContext")
                .resultPath("$.sinkManifests")
                .build();
        taskIds.put(task, id); // asking node a task's id is a round trip
        return task;
    }
}

package io.clusterless.engine.plan;

import io.clusterless.arc.ArcProps;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.engine.entry.LambdaEntryPointRegistry;
import io.clusterless.model.Arc;
import io.clusterless.model.ArcSchedule;
import io.clusterless.model.SinkDataset;
import io.clusterless.naming.ProjectNames;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An arc placed: the props of its gates ({@code CLS_ARC_STATE_PROPS_JSON}) and of its workload
 * ({@code CLS_ARC_PROPS_JSON}), the owner of each source (where its objects live, for read grants), the names of
 * reference §3.1, and the arc-bus pattern its listener rule matches. Its functions' handlers (and which function is
 * the workload's) are what the Lambda layer declares for its type ({@link LambdaEntryPointRegistry}), asked only by
 * the stacks, so the local substrate plans without the Lambda layer.
 *
 * @param kind  the component type id, e.g. {@code aws:core:s3CopyArc}
 * @param names           the names of the arc's project
 * @param listenerPattern the arc-bus pattern of its listener rule; null for a scheduled arc, whose rule is its
 *                        schedule (ADR-0013, {@link #schedule()})
 */
public record ArcPlan(Arc<?> model, String kind, ArcGateProps gateProps, ArcProps workloadProps,
                      Map<String, Optional<SinkDataset>> sourceOwners, String stackName, String stateMachineName,
                      String ruleName, String startFunction, String completeFunction, String listenerPattern,
                      ProjectNames names) {
    public ArcPlan {
        sourceOwners = Collections.unmodifiableMap(new LinkedHashMap<>(sourceOwners));
    }

    public String name() {
        return model.getName();
    }

    /** The Lambda function of the workload ({@code …-func-…}), or the Batch result collector ({@code …-result-…}). */
    /** The arc's schedule, when it runs on one (ADR-0013). */
    public Optional<ArcSchedule> schedule() {
        return ArcSchedule.of(model);
    }

    public String workloadFunction() {
        return names.lambdaFunction(name(), entryPoints().workload(kind).suffix());
    }

    public String startHandler() {
        return entryPoints().handler(kind, "start", null);
    }

    public String completeHandler() {
        return entryPoints().handler(kind, "complete", null);
    }

    public String workloadHandler() {
        return entryPoints().handler(kind, entryPoints().workload(kind).suffix(), null);
    }

    private static LambdaEntryPointRegistry entryPoints() {
        return LambdaEntryPointRegistry.defaultRegistry();
    }
}

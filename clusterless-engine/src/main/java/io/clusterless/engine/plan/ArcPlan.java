package io.clusterless.engine.plan;

import io.clusterless.arc.ArcProps;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.model.Arc;
import io.clusterless.model.SinkDataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An arc placed: the props of its gates ({@code CLS_ARC_STATE_PROPS_JSON}) and of its workload
 * ({@code CLS_ARC_PROPS_JSON}), the owner of each source (where its objects live, for read grants), the names of
 * reference §3.1, the handler class of each function, and the arc-bus pattern its listener rule matches.
 *
 * @param kind             the component type id, e.g. {@code aws:core:s3CopyArc}
 * @param workloadFunction the Lambda function of the workload ({@code …-func-…}), or the Batch result collector
 *                         ({@code …-result-…})
 */
public record ArcPlan(Arc<?> model, String kind, ArcGateProps gateProps, ArcProps workloadProps,
                      Map<String, Optional<SinkDataset>> sourceOwners, String stackName, String stateMachineName,
                      String ruleName, String startFunction, String completeFunction, String workloadFunction,
                      String startHandler, String completeHandler, String workloadHandler,
                      String listenerPattern) {
    public ArcPlan {
        sourceOwners = Collections.unmodifiableMap(new LinkedHashMap<>(sourceOwners));
    }

    public String name() {
        return model.getName();
    }
}

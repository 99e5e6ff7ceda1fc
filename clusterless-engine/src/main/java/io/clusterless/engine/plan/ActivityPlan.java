package io.clusterless.engine.plan;

import io.clusterless.engine.activity.CloudWatchExportProps;
import io.clusterless.engine.entry.LambdaEntryPointRegistry;
import io.clusterless.model.Activity;

/**
 * An activity placed: props, names and the schedule it runs on. The model is the type's own class; only the type's
 * plugin (its planner and construct) knows which.
 */
public record ActivityPlan(Activity model, CloudWatchExportProps props, String functionName,
                           String ruleName, String propsVariable, String schedule) {
    /** The function's handler, as the Lambda layer declares it for this type. */
    public String handlerClass() {
        return LambdaEntryPointRegistry.defaultRegistry().handler(model.getType(), "act", null);
    }
}

package io.clusterless.engine.plan;

import io.clusterless.engine.boundary.BoundaryProps;
import io.clusterless.engine.entry.LambdaEntryPointRegistry;
import io.clusterless.model.Boundary;

/**
 * A boundary placed: the props its function reads from {@code propsVariable}, its names, and what triggers it:
 * {@code eventPattern} (infrequent, on the default bus) or {@code schedule} (frequent, draining {@code queueName}).
 * The model is the type's own class; only the type's plugin (its planner and construct) knows which.
 */
public record BoundaryPlan(Boundary model, BoundaryProps props, boolean frequent, String functionName,
                           String ruleName, String queueName, String propsVariable,
                           String eventPattern, String schedule) {
    /** The function's handler, as the Lambda layer declares it for this type (by eventArrival). */
    public String handlerClass() {
        return LambdaEntryPointRegistry.defaultRegistry().handler(model.getType(), "int",
                frequent ? "frequent" : "infrequent");
    }
}

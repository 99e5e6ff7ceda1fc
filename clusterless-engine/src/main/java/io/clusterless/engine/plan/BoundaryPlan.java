package io.clusterless.engine.plan;

import io.clusterless.engine.boundary.BoundaryProps;
import io.clusterless.engine.entry.LambdaEntryPointRegistry;
import io.clusterless.model.core.boundary.s3put.S3PutListenerBoundary;

/**
 * An S3 put boundary placed: the props its function reads from {@code propsVariable}, its names, and what triggers
 * it: {@code eventPattern} (infrequent, on the default bus) or {@code schedule} (frequent, draining {@code queueName}).
 */
public record BoundaryPlan(S3PutListenerBoundary model, BoundaryProps props, boolean frequent, String functionName,
                           String ruleName, String queueName, String propsVariable,
                           String eventPattern, String schedule) {
    /** The function's handler, as the Lambda layer declares it for this type (by eventArrival). */
    public String handlerClass() {
        return LambdaEntryPointRegistry.defaultRegistry().handler(model.getType(), "int",
                frequent ? "frequent" : "infrequent");
    }
}

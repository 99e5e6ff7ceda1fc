package io.clusterless.engine.entry;

import java.util.List;

/**
 * One component type's Lambda functions: for each function-name suffix its model type declares
 * ({@code ComponentType.lambdaFunctions()}), the handler class that serves it, or that the user's own code does.
 * The Lambda layer declares one per type beside the type's handlers, in
 * {@code META-INF/services/io.clusterless.engine.entry.LambdaEntryPoints}; planning asks
 * {@link LambdaEntryPointRegistry} by type id, so no plan names a handler class.
 */
public interface LambdaEntryPoints {
    /** The component type id, e.g. {@code aws:core:s3CopyArc}. */
    String componentType();

    /** Every function of the type; an arc type marks exactly one as its workload function. */
    List<LambdaFunction> functions();
}

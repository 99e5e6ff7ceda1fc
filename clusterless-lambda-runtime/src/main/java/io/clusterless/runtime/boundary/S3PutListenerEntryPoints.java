package io.clusterless.runtime.boundary;

import io.clusterless.engine.entry.LambdaEntryPoints;
import io.clusterless.engine.entry.LambdaFunction;
import io.clusterless.model.core.boundary.s3put.S3PutListenerBoundary;

import java.util.List;

/** s3PutListenerBoundary's one function, {@code int}: one handler per eventArrival. */
public final class S3PutListenerEntryPoints implements LambdaEntryPoints {
    @Override
    public String componentType() {
        return S3PutListenerBoundary.TYPE;
    }

    @Override
    public List<LambdaFunction> functions() {
        return List.of(LambdaFunction.variant("int", "frequent", FrequentBoundaryHandler.class),
                LambdaFunction.variant("int", "infrequent", InfrequentBoundaryHandler.class));
    }
}

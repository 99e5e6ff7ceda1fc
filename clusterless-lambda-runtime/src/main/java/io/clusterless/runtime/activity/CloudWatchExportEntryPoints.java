package io.clusterless.runtime.activity;

import io.clusterless.engine.entry.LambdaEntryPoints;
import io.clusterless.engine.entry.LambdaFunction;
import io.clusterless.model.core.activity.cloudwatch.CloudWatchExportActivity;

import java.util.List;

/** cloudWatchExportActivity's one function, {@code act}: {@link CloudWatchExportHandler}. */
public final class CloudWatchExportEntryPoints implements LambdaEntryPoints {
    @Override
    public String componentType() {
        return CloudWatchExportActivity.TYPE;
    }

    @Override
    public List<LambdaFunction> functions() {
        return List.of(LambdaFunction.of("act", CloudWatchExportHandler.class));
    }
}

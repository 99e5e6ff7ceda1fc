package io.clusterless.model.core.activity.cloudwatch;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;

import java.util.List;

/** The model of {@value CloudWatchExportActivity#TYPE}: its declaration, documentation and Lambda function names. */
public final class CloudWatchExportActivityPlugin implements ComponentPlugin {
    private static final ComponentType TYPE = new ComponentType(
            CloudWatchExportActivity.TYPE, ComponentKind.ACTIVITY, CloudWatchExportActivity.class,
            "Exports a CloudWatch Logs group to S3 every interval.",
            "Every Fourths, Sixths or Twelfths interval, creates a CloudWatch Logs export task for the "
                    + "interval that just ended, writing to pathURI. With bucketRef, the bucket of that "
                    + "s3Bucket component is used and granted to the logs service.",
            List.of("act"));

    @Override
    public ComponentType type() {
        return TYPE;
    }
}

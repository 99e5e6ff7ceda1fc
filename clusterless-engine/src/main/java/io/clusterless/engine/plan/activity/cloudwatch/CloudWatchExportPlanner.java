package io.clusterless.engine.plan.activity.cloudwatch;

import io.clusterless.engine.activity.CloudWatchExportProps;
import io.clusterless.engine.plan.ActivityPlan;
import io.clusterless.engine.plan.ActivityPlanner;
import io.clusterless.engine.plan.EventPatterns;
import io.clusterless.engine.plan.PlanContext;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.Activity;
import io.clusterless.model.core.activity.cloudwatch.CloudWatchExportActivity;
import io.clusterless.model.core.resource.s3bucket.S3BucketResource;

/** cloudWatchExport placed: its props and a schedule of its interval. */
public final class CloudWatchExportPlanner implements ActivityPlanner {
    @Override
    public String componentType() {
        return CloudWatchExportActivity.TYPE;
    }

    @Override
    public ActivityPlan plan(Activity component, PlanContext context) {
        CloudWatchExportActivity activity = (CloudWatchExportActivity) component;
        LotUnit unit = LotUnit.parse(activity.getInterval());
        CloudWatchExportProps props = new CloudWatchExportProps(unit.displayName(), activity.getLogGroupName(),
                activity.getLogStreamPrefix(), path(activity, context),
                activity.getRuntimeProps().getTimeoutMin());
        return new ActivityPlan(activity, props, context.names().lambdaFunction(activity.getName(), "act"),
                context.names().componentRule(activity.getName()), CloudWatchExportProps.VARIABLE,
                EventPatterns.cron(unit));
    }

    /** {@code bucketRef} to a bucket of this project replaces the host of {@code pathURI}. */
    private static String path(CloudWatchExportActivity activity, PlanContext context) {
        String path = activity.getPathURI() == null ? "/" : activity.getPathURI();
        if (activity.getBucketRef() == null) {
            return path;
        }
        String bucket = context.references()
                .component(activity.getBucketRef(), S3BucketResource.TYPE, S3BucketResource.class)
                .orElseThrow(() -> new IllegalArgumentException("activity '" + activity.getName() + "': bucketRef '"
                        + activity.getBucketRef() + "' does not name an s3Bucket of this project"))
                .getBucketName();
        String key = path.startsWith("s3://") ? path.substring(5).replaceFirst("^[^/]*/?", "")
                : path.replaceFirst("^/", "");
        return "s3://" + bucket + "/" + key;
    }
}

package io.clusterless.engine.plan;

import io.clusterless.engine.activity.CloudWatchExportProps;
import io.clusterless.model.core.activity.cloudwatch.CloudWatchExportActivity;

/** A CloudWatch export activity placed: props, names and the schedule it runs on. */
public record ActivityPlan(CloudWatchExportActivity model, CloudWatchExportProps props, String functionName,
                           String ruleName, String propsVariable, String handlerClass, String schedule) {
}

package io.clusterless.runtime.plan;

import io.clusterless.model.core.activity.CloudWatchExportActivity;
import io.clusterless.runtime.activity.CloudWatchExportProps;

/** A CloudWatch export activity placed: props, names and the schedule it runs on. */
public record ActivityPlan(CloudWatchExportActivity model, CloudWatchExportProps props, String functionName,
                           String ruleName, String propsVariable, String handlerClass, String schedule) {
}

package io.clusterless.engine.activity;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the cloudWatchExport activity is told (env {@code CLS_CLOUD_WATCH_EXPORT_ACTIVITY_PROPS_JSON}, reference §4.7).
 *
 * @param interval        the lot unit it runs at: {@code Fourths}, {@code Sixths} or {@code Twelfths}
 * @param logGroupName    the log group to export
 * @param logStreamPrefix only streams with this prefix; null for all
 * @param pathURI         destination {@code s3://bucket/prefix/}
 * @param timeoutMin      the function's timeout, bounding retries when no invocation deadline is known
 */
@JsonPropertyOrder({"interval", "logGroupName", "logStreamPrefix", "pathURI", "timeoutMin"})
public record CloudWatchExportProps(String interval, String logGroupName, String logStreamPrefix, String pathURI,
                                    int timeoutMin) {
    /** The environment variable its Lambda handler reads these props from. */
    public static final String VARIABLE = "CLS_CLOUD_WATCH_EXPORT_ACTIVITY_PROPS_JSON";

}

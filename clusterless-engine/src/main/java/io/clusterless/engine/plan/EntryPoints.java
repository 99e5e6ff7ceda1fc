package io.clusterless.engine.plan;

/**
 * The Lambda entry points the plans name, as class names: the handlers live in {@code clusterless-lambda-runtime},
 * which depends on this module, so the plan refers to them by name (its {@code EntryPointsTest} loads each one).
 */
public final class EntryPoints {
    public static final String INFREQUENT_BOUNDARY = "io.clusterless.runtime.boundary.InfrequentBoundaryHandler";
    public static final String FREQUENT_BOUNDARY = "io.clusterless.runtime.boundary.FrequentBoundaryHandler";
    public static final String ARC_START = "io.clusterless.runtime.arc.ArcStartHandler";
    public static final String ARC_COMPLETE = "io.clusterless.runtime.arc.ArcCompleteHandler";
    public static final String CLOUD_WATCH_EXPORT = "io.clusterless.runtime.activity.CloudWatchExportHandler";
    public static final String S3_COPY = "io.clusterless.runtime.workload.s3copy.S3CopyHandler";
    public static final String GLUE_ADD_PARTITIONS = "io.clusterless.runtime.workload.glue.GlueAddPartitionsHandler";
    public static final String BATCH_RESULT = "io.clusterless.runtime.workload.batch.BatchResultHandler";
    public static final String FUNCTION_CONTRACT = "io.clusterless.runtime.workload.function.FunctionContractHandler";
    public static final String FRESHNESS = "io.clusterless.runtime.status.FreshnessHandler";

    private EntryPoints() {
    }
}

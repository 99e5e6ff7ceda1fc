package io.clusterless.engine.status;

/** How a dataset stands against its freshness targets, from best to worst. */
public enum FreshnessLevel {
    ok, warn, error
}

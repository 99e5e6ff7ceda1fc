package io.clusterless.engine.status;

/**
 * A dataset's freshness level changed: the detail of the {@code Dataset Freshness} event on the arc bus.
 *
 * @param previous   the level before, null on the first check
 * @param ageSeconds the newest complete lot's age, null when there is none in the look-back
 */
public record FreshnessChange(String project, String dataset, String version, FreshnessLevel level,
                              FreshnessLevel previous, String lastComplete, Long ageSeconds, String at) {
    public static final String SOURCE = "clusterless.freshness";
    public static final String DETAIL_TYPE = "Dataset Freshness";
}

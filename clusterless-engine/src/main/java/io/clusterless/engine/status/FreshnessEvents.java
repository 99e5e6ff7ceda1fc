package io.clusterless.engine.status;

/** Where a change of a dataset's freshness level is announced: the placement's arc bus on AWS. */
public interface FreshnessEvents {
    void publish(FreshnessChange change);
}

package io.clusterless.engine.ops;

import io.clusterless.engine.store.ObjectStore;
import io.clusterless.naming.PlacementNames;

import java.util.List;

/**
 * The placements of a substrate, found by the names of their metadata buckets (reference §4.1): on AWS among the
 * buckets the account lists, locally among the bucket folders of the local root. The reports and the operations on
 * a deployed project ({@code --project NAME}) look for placements the same way.
 *
 * @param store      the store the buckets are read through
 * @param placements every placement found, by bucket name
 * @param where      where they were looked for, for messages: "under the local root DIR"…
 */
public record MetadataBuckets(ObjectStore store, List<Found> placements, String where) {
    /** A placement and its metadata bucket. */
    public record Found(PlacementNames placement, String bucket) {
    }

    /**
     * Whether a placement passes the report filters; a null filter passes every placement.
     *
     * @param stage a stage (any case), or "" for placements without one
     */
    public static boolean matches(PlacementNames placement, String account, String stage, String region) {
        return (account == null || account.equals(placement.account()))
                && (region == null || region.equals(placement.region()))
                && (stage == null || (stage.isEmpty() ? placement.stage() == null
                : placement.stage() != null && stage.equalsIgnoreCase(placement.stage())));
    }
}

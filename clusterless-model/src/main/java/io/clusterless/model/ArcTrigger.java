package io.clusterless.model;

/**
 * When an arc with several subscribed sources starts a lot (ADR-0011). Arcs with one subscribed source start on its
 * lot and may not say.
 */
public enum ArcTrigger {
    /** Once every subscribed source holds a {@code complete} or {@code empty} manifest for the lot (a join). */
    all,
    /** On the first lot of any subscribed source; the other sources' lots of the same id find it done. */
    any
}

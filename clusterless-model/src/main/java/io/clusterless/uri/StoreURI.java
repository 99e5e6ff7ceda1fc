package io.clusterless.uri;

/**
 * A location in one of the placement's stores (reference §4.2–4.5). Parts not yet known are absent; each rendering
 * decides what to do with them.
 */
public interface StoreURI {
    StoreKind storeKind();

    /** The bucket, or {@code null} when parsed from a bare key; renderings then start with {@code /}. */
    String bucket();

    /** The named segments of this URI, which every rendering below is made from. */
    KeyLayout layout();

    /**
     * The object itself: {@code s3://bucket/key}, no trailing '/'.
     *
     * @throws IllegalStateException if a part the object needs is absent
     */
    default String identifier() {
        return layout().identifier();
    }

    /** The deepest known location, with a trailing '/': rendering stops at the first absent part. */
    default String path() {
        return layout().path();
    }

    /**
     * {@link #path()} relative to the bucket, e.g. {@code arcs/project=p/version=1/arc=a/}: the key prefix of
     * everything below the deepest known location.
     */
    default String keyPath() {
        return layout().keyPath();
    }

    /**
     * The key prefix every value of the first absent part starts with, e.g. {@code arcs/project=p/version=1/arc=a/lot=}
     * for an arc with its lot open: list it to find all lots.
     *
     * @throws IllegalStateException if no part that holds a value is absent
     */
    default String listPrefix() {
        return layout().listPrefix();
    }

    /** {@link #path()} without the trailing '/', to filter listings. */
    default String prefix() {
        return layout().prefix();
    }

    /** The whole layout with absent parts as RFC 6570 expressions such as {@code {lot}}; see {@link UriTemplates}. */
    String template();

    /**
     * The object key relative to the bucket, no leading '/'.
     *
     * @throws IllegalStateException if a part the object needs is absent
     */
    default String key() {
        return layout().key();
    }
}

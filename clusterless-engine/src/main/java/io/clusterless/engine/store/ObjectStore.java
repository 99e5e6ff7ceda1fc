package io.clusterless.engine.store;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The object store behind datasets, manifests and arc state: S3 in AWS, folders on the local substrate.
 * Conditional writes are what make manifests write-once and arc-state transitions exactly-once, so every
 * implementation must make {@link #createIfAbsent}, {@link #replaceIfMatch} and {@link #deleteIfMatch} atomic: the
 * check and the change are one step, which no other write or delete of the key can come between.
 * Implementations retry transient failures (5xx, throttling) themselves and throw {@link ObjectStoreException}
 * when they give up.
 */
public interface ObjectStore {
    Optional<ObjectInfo> head(String bucket, String key);

    Optional<StoredObject> get(String bucket, String key);

    /** Writes unconditionally; returns the new ETag. */
    String put(String bucket, String key, byte[] body, String contentType);

    /**
     * Writes only when no object exists at the key ({@code If-None-Match: *}); the new ETag, or empty if another
     * object exists. An existing object with exactly these bytes counts as written (its ETag is returned): a retry
     * after a lost response must not turn our own write into a conflict, so callers make bodies unique (an attempt
     * id) when they need to tell writers apart.
     */
    Optional<String> createIfAbsent(String bucket, String key, byte[] body, String contentType);

    /**
     * Writes only when the current object has {@code etag} ({@code If-Match}); the new ETag, or empty otherwise. As
     * with {@link #createIfAbsent}, finding exactly these bytes already there counts as written.
     */
    Optional<String> replaceIfMatch(String bucket, String key, byte[] body, String contentType, String etag);

    /** Deletes; deleting an absent key is not an error. */
    void delete(String bucket, String key);

    /**
     * Deletes only when the current object has {@code etag} ({@code If-Match} on DeleteObject): the way to remove an
     * object that was read and judged, never whatever another writer put at the key since the read.
     *
     * @return false when another object is at the key (left alone); true when no object is (deleted now, or absent
     * already: a retry after a lost response finds its own delete done)
     */
    boolean deleteIfMatch(String bucket, String key, String etag);

    /** Keys under {@code prefix} in lexical order, after {@code startAfter} (nullable), one page at a time. */
    ListPage list(String bucket, String prefix, String startAfter, String continuationToken, int maxKeys);

    /** Server-side copy. */
    void copy(String sourceBucket, String sourceKey, String targetBucket, String targetKey);

    /** Every key under {@code prefix} after {@code startAfter}, fetching pages as the stream is consumed. */
    default Stream<ObjectInfo> listAll(String bucket, String prefix, String startAfter) {
        Iterator<ObjectInfo> iterator = new Iterator<>() {
            private ListPage page = list(bucket, prefix, startAfter, null, 1000);
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= page.objects().size() && page.nextToken() != null) {
                    page = list(bucket, prefix, startAfter, page.nextToken(), 1000);
                    index = 0;
                }
                return index < page.objects().size();
            }

            @Override
            public ObjectInfo next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.objects().get(index++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }

    /**
     * {@link #listAll}, for readers that need only keys, sizes and last-modified times: an entry's ETag may be null.
     * A store that must read an object to tell its ETag (the local file store hashes the file) skips that here; S3
     * lists ETags anyway. Anything that compares ETags (conditional writes, the arc-state protocol's second listing)
     * uses {@link #listAll}, whose ETags describe the objects as they were listed.
     */
    default Stream<ObjectInfo> listKeys(String bucket, String prefix, String startAfter) {
        return listAll(bucket, prefix, startAfter);
    }
}

package io.clusterless.engine.status;

import io.clusterless.engine.store.ListPage;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.store.StoredObject;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A real store with its list and get requests counted: what a scan costs in requests. */
final class CountingObjectStore implements ObjectStore {
    private final ObjectStore store;
    final AtomicLong lists = new AtomicLong();
    final AtomicLong gets = new AtomicLong();

    CountingObjectStore(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) {
        gets.incrementAndGet();
        return store.head(bucket, key);
    }

    @Override
    public Optional<StoredObject> get(String bucket, String key) {
        gets.incrementAndGet();
        return store.get(bucket, key);
    }

    @Override
    public String put(String bucket, String key, byte[] body, String contentType) {
        return store.put(bucket, key, body, contentType);
    }

    @Override
    public Optional<String> createIfAbsent(String bucket, String key, byte[] body, String contentType) {
        return store.createIfAbsent(bucket, key, body, contentType);
    }

    @Override
    public Optional<String> replaceIfMatch(String bucket, String key, byte[] body, String contentType, String etag) {
        return store.replaceIfMatch(bucket, key, body, contentType, etag);
    }

    @Override
    public void delete(String bucket, String key) {
        store.delete(bucket, key);
    }

    @Override
    public boolean deleteIfMatch(String bucket, String key, String etag) {
        return store.deleteIfMatch(bucket, key, etag);
    }

    @Override
    public ListPage list(String bucket, String prefix, String startAfter, String continuationToken, int maxKeys) {
        lists.incrementAndGet();
        return store.list(bucket, prefix, startAfter, continuationToken, maxKeys);
    }

    @Override
    public void copy(String sourceBucket, String sourceKey, String targetBucket, String targetKey) {
        store.copy(sourceBucket, sourceKey, targetBucket, targetKey);
    }
}

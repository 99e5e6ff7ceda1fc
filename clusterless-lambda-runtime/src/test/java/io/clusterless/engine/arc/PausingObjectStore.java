package io.clusterless.engine.arc;

import io.clusterless.engine.store.ListPage;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.store.StoredObject;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * An {@link ObjectStore} that holds the first call matching a test (operation name and key) before it reaches the
 * store, until the test releases it: a deterministic way to put other requests between two requests of one party.
 */
final class PausingObjectStore implements ObjectStore {
    private final ObjectStore delegate;
    private final BiPredicate<String, String> matches;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** @param matches operation name ({@code get}, {@code delete}, {@code deleteIfMatch}, …) and key */
    PausingObjectStore(ObjectStore delegate, BiPredicate<String, String> matches) {
        this.delegate = delegate;
        this.matches = matches;
    }

    /** Waits until the held call has arrived (at most 30 s, a failure rather than a hang). */
    void awaitPaused() throws InterruptedException {
        if (!reached.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the call to pause never came");
        }
    }

    /** Whether the held call has arrived, waiting at most {@code wait} for it. */
    boolean pausedWithin(java.time.Duration wait) throws InterruptedException {
        return reached.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    void release() {
        released.countDown();
    }

    private <T> T call(String operation, String key, Supplier<T> call) {
        if (reached.getCount() > 0 && matches.test(operation, key)) {
            synchronized (this) {
                if (reached.getCount() > 0) {
                    reached.countDown();
                    try {
                        if (!released.await(30, TimeUnit.SECONDS)) {
                            throw new AssertionError("the paused call was never released");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return call.get();
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) {
        return call("head", key, () -> delegate.head(bucket, key));
    }

    @Override
    public Optional<StoredObject> get(String bucket, String key) {
        return call("get", key, () -> delegate.get(bucket, key));
    }

    @Override
    public String put(String bucket, String key, byte[] body, String contentType) {
        return call("put", key, () -> delegate.put(bucket, key, body, contentType));
    }

    @Override
    public Optional<String> createIfAbsent(String bucket, String key, byte[] body, String contentType) {
        return call("createIfAbsent", key, () -> delegate.createIfAbsent(bucket, key, body, contentType));
    }

    @Override
    public Optional<String> replaceIfMatch(String bucket, String key, byte[] body, String contentType, String etag) {
        return call("replaceIfMatch", key, () -> delegate.replaceIfMatch(bucket, key, body, contentType, etag));
    }

    @Override
    public void delete(String bucket, String key) {
        call("delete", key, () -> {
            delegate.delete(bucket, key);
            return null;
        });
    }

    @Override
    public boolean deleteIfMatch(String bucket, String key, String etag) {
        return call("deleteIfMatch", key, () -> delegate.deleteIfMatch(bucket, key, etag));
    }

    @Override
    public ListPage list(String bucket, String prefix, String startAfter, String continuationToken, int maxKeys) {
        return call("list", prefix, () -> delegate.list(bucket, prefix, startAfter, continuationToken, maxKeys));
    }

    @Override
    public void copy(String sourceBucket, String sourceKey, String targetBucket, String targetKey) {
        call("copy", targetKey, () -> {
            delegate.copy(sourceBucket, sourceKey, targetBucket, targetKey);
            return null;
        });
    }
}

package io.clusterless.engine.arc;

import io.clusterless.engine.store.ListPage;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.store.ObjectStoreException;
import io.clusterless.engine.store.StoredObject;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Retries what an {@link ObjectStore} gave up on when the failure is transient (server errors, throttling, lost
 * connections), with jittered exponential backoff. The S3 adapter's own retries stop after six attempts (about a
 * second of backoff); arc state must not be left half-moved by a longer S3 brown-out. Every operation is safe to repeat: conditional writes recognise their
 * own earlier write (see {@link ObjectStore#createIfAbsent}), deletes of absent keys succeed (conditional ones too).
 */
public final class RetryingObjectStore implements ObjectStore {
    private static final System.Logger LOG = System.getLogger(RetryingObjectStore.class.getName());

    private final ObjectStore delegate;
    private final AtomicLong retries = new AtomicLong();
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;

    public RetryingObjectStore(ObjectStore delegate, int maxAttempts, Duration baseDelay, Duration maxDelay) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, found: " + maxAttempts);
        }
        this.delegate = delegate;
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    /** Five attempts, 200 ms doubling to at most 5 s: on top of the SDK's retries, rides out about 10 s of errors. */
    public static RetryingObjectStore wrap(ObjectStore delegate) {
        return delegate instanceof RetryingObjectStore retrying ? retrying
                : new RetryingObjectStore(delegate, 5, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) {
        return retry(() -> delegate.head(bucket, key));
    }

    @Override
    public Optional<StoredObject> get(String bucket, String key) {
        return retry(() -> delegate.get(bucket, key));
    }

    @Override
    public String put(String bucket, String key, byte[] body, String contentType) {
        return retry(() -> delegate.put(bucket, key, body, contentType));
    }

    @Override
    public Optional<String> createIfAbsent(String bucket, String key, byte[] body, String contentType) {
        return retry(() -> delegate.createIfAbsent(bucket, key, body, contentType));
    }

    @Override
    public Optional<String> replaceIfMatch(String bucket, String key, byte[] body, String contentType, String etag) {
        return retry(() -> delegate.replaceIfMatch(bucket, key, body, contentType, etag));
    }

    @Override
    public void delete(String bucket, String key) {
        retry(() -> {
            delegate.delete(bucket, key);
            return null;
        });
    }

    @Override
    public boolean deleteIfMatch(String bucket, String key, String etag) {
        return retry(() -> delegate.deleteIfMatch(bucket, key, etag));
    }

    @Override
    public ListPage list(String bucket, String prefix, String startAfter, String continuationToken, int maxKeys) {
        return retry(() -> delegate.list(bucket, prefix, startAfter, continuationToken, maxKeys));
    }

    @Override
    public void copy(String sourceBucket, String sourceKey, String targetBucket, String targetKey) {
        retry(() -> {
            delegate.copy(sourceBucket, sourceKey, targetBucket, targetKey);
            return null;
        });
    }

    /** How many operations were repeated so far, for monitoring and tests. */
    public long retries() {
        return retries.get();
    }

    private <T> T retry(Supplier<T> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.get();
            } catch (ObjectStoreException e) {
                if (attempt >= maxAttempts || !isTransient(e)) {
                    throw e;
                }
                retries.incrementAndGet();
                LOG.log(System.Logger.Level.WARNING, "retrying after a transient failure (attempt {0} of {1}): {2}",
                        attempt, maxAttempts, e.getMessage());
                sleep(attempt);
            }
        }
    }

    private static boolean isTransient(ObjectStoreException e) {
        return e.kind() == ObjectStoreException.Kind.THROTTLED || e.kind() == ObjectStoreException.Kind.UNAVAILABLE;
    }

    private void sleep(int attempt) {
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ObjectStoreException(ObjectStoreException.Kind.UNAVAILABLE, "interrupted while backing off", e);
        }
    }
}

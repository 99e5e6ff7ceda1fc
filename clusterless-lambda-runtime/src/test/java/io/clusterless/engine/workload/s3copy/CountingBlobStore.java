package io.clusterless.engine.workload.s3copy;

import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * s3proxy's blob store, observed: counts CopyObject calls and how many ran at once, may hold each copy a few
 * milliseconds so that overlapping copies are seen, and may refuse copies into some buckets with S3's own
 * {@code AccessDenied} (403), as a bucket policy would.
 */
final class CountingBlobStore extends ForwardingBlobStore {
    private final long holdMillis;
    private final Set<String> deniedTargets;
    private final AtomicInteger copies = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();

    CountingBlobStore(BlobStore delegate, long holdMillis, Set<String> deniedTargets) {
        super(delegate);
        this.holdMillis = holdMillis;
        this.deniedTargets = deniedTargets;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        copies.incrementAndGet();
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        try {
            if (holdMillis > 0) {
                Thread.sleep(holdMillis);
            }
            if (deniedTargets.contains(request.destinationBucket())) {
                throw new S3ProxyException(S3ErrorCode.ACCESS_DENIED);
            }
            return super.copyBlob(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            running.decrementAndGet();
        }
    }

    int copies() {
        return copies.get();
    }

    int maxRunning() {
        return maxRunning.get();
    }
}

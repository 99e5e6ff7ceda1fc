package io.clusterless.runtime.aws;

import io.clusterless.engine.store.ListPage;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.store.ObjectStoreException;
import io.clusterless.engine.store.StoredObject;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link ObjectStore} on the AWS SDK v2 S3 client, whose standard retry mode handles 5xx and throttling. */
public final class S3ObjectStore implements ObjectStore {
    private final S3Client s3;

    public S3ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * Marshals and signs one request of each kind the handlers send, stopping each before the network (see
     * {@link PrimingStop}): the first real request then skips the SDK's first-use class loading and endpoint rules.
     * Does nothing useful on a client built without the priming interceptor, and never fails.
     */
    public S3ObjectStore prime() {
        String bucket = "clusterless-priming";
        String key = "priming/manifest.json";
        prime(() -> s3.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*").contentType("application/json")
                .overrideConfiguration(o -> o.putExecutionAttribute(PrimingStop.PRIMING, true)),
                RequestBody.fromString("{}")));
        prime(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)
                .overrideConfiguration(o -> o.putExecutionAttribute(PrimingStop.PRIMING, true))));
        prime(() -> s3.headObject(b -> b.bucket(bucket).key(key)
                .overrideConfiguration(o -> o.putExecutionAttribute(PrimingStop.PRIMING, true))));
        prime(() -> s3.listObjectsV2(b -> b.bucket(bucket).prefix("priming/")
                .overrideConfiguration(o -> o.putExecutionAttribute(PrimingStop.PRIMING, true))));
        return this;
    }

    private static void prime(Runnable request) {
        try {
            request.run();
        } catch (RuntimeException expected) {
            // PrimingStop.Primed wrapped by the SDK, or any error of a client without the interceptor: priming is
            // an optimisation and must never stop a function from starting
        }
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) {
        try {
            HeadObjectResponse response = call(() -> s3.headObject(b -> b.bucket(bucket).key(key)), bucket, key);
            return Optional.of(new ObjectInfo(bucket, key, response.contentLength(), response.lastModified(),
                    response.eTag()));
        } catch (ObjectStoreException e) {
            if (e.kind() == ObjectStoreException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredObject> get(String bucket, String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes = call(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)),
                    bucket, key);
            GetObjectResponse response = bytes.response();
            return Optional.of(new StoredObject(new ObjectInfo(bucket, key, response.contentLength(),
                    response.lastModified(), response.eTag()), bytes.asByteArray()));
        } catch (ObjectStoreException e) {
            if (e.kind() == ObjectStoreException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public String put(String bucket, String key, byte[] body, String contentType) {
        return call(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType),
                RequestBody.fromBytes(body)), bucket, key).eTag();
    }

    @Override
    public Optional<String> createIfAbsent(String bucket, String key, byte[] body, String contentType) {
        Optional<String> created = conditional(() -> s3.putObject(b -> b.bucket(bucket).key(key)
                .contentType(contentType).ifNoneMatch("*"), RequestBody.fromBytes(body)).eTag(), bucket, key);
        return created.isPresent() ? created : ownWrite(bucket, key, body);
    }

    @Override
    public Optional<String> replaceIfMatch(String bucket, String key, byte[] body, String contentType, String etag) {
        Optional<String> replaced = conditional(() -> s3.putObject(b -> b.bucket(bucket).key(key)
                .contentType(contentType).ifMatch(etag), RequestBody.fromBytes(body)).eTag(), bucket, key);
        return replaced.isPresent() ? replaced : ownWrite(bucket, key, body);
    }

    /** A retried request whose first attempt succeeded (response lost) finds its own bytes: that is success. */
    private Optional<String> ownWrite(String bucket, String key, byte[] body) {
        return get(bucket, key)
                .filter(existing -> Arrays.equals(existing.body(), body))
                .map(existing -> existing.info().etag());
    }

    @Override
    public void delete(String bucket, String key) {
        call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key)), bucket, key);
    }

    @Override
    public boolean deleteIfMatch(String bucket, String key, String etag) {
        try {
            call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key).ifMatch(etag)), bucket, key);
            return true;
        } catch (ObjectStoreException e) {
            if (e.kind() == ObjectStoreException.Kind.NOT_FOUND) {
                return true; // nothing at the key: our object is gone either way
            }
            if (e.getCause() instanceof S3Exception s3e && (s3e.statusCode() == 412 || s3e.statusCode() == 409)) {
                return false; // another object is there (412), or a concurrent conditional request won (409)
            }
            throw e;
        }
    }

    @Override
    public ListPage list(String bucket, String prefix, String startAfter, String continuationToken, int maxKeys) {
        ListObjectsV2Response response = call(() -> s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)
                .startAfter(startAfter).continuationToken(continuationToken).maxKeys(maxKeys)), bucket, prefix);
        List<ObjectInfo> objects = response.contents().stream()
                .map((S3Object o) -> new ObjectInfo(bucket, o.key(), o.size() == null ? 0 : o.size(),
                        o.lastModified(), o.eTag()))
                .toList();
        return new ListPage(objects, Boolean.TRUE.equals(response.isTruncated())
                ? response.nextContinuationToken() : null);
    }

    @Override
    public void copy(String sourceBucket, String sourceKey, String targetBucket, String targetKey) {
        try {
            call(() -> s3.copyObject(b -> b.sourceBucket(sourceBucket).sourceKey(sourceKey)
                    .destinationBucket(targetBucket).destinationKey(targetKey)), targetBucket, targetKey);
        } catch (ObjectStoreException e) {
            // A copy's NoSuchKey is about the source: name both ends, not just the target.
            throw new ObjectStoreException(e.kind(), "copy s3://" + sourceBucket + "/" + sourceKey + " to s3://"
                    + targetBucket + "/" + targetKey + " failed: " + reason(e), e.getCause());
        }
    }

    private static String reason(ObjectStoreException e) {
        if (e.getCause() instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() != null ? s3.awsErrorDetails().errorCode() : null;
            return (code != null ? code : e.kind().name()) + " (HTTP " + s3.statusCode() + ")";
        }
        return e.getMessage();
    }

    /** A conditional write: a failed precondition (412), or a conflicting concurrent write (409), is "not written". */
    private Optional<String> conditional(Supplier<String> write, String bucket, String key) {
        try {
            return Optional.of(write.get());
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return Optional.empty();
            }
            throw translate(e, bucket, key);
        } catch (SdkClientException | java.io.UncheckedIOException e) {
            throw new ObjectStoreException(ObjectStoreException.Kind.UNAVAILABLE, "s3://" + bucket + "/" + key
                    + ": " + e.getMessage(), e);
        }
    }

    private static <T> T call(Supplier<T> request, String bucket, String key) {
        try {
            return request.get();
        } catch (NoSuchKeyException e) {
            throw new ObjectStoreException(ObjectStoreException.Kind.NOT_FOUND, "s3://" + bucket + "/" + key
                    + " not found", e);
        } catch (S3Exception e) {
            throw translate(e, bucket, key);
        } catch (SdkClientException | java.io.UncheckedIOException e) {
            throw new ObjectStoreException(ObjectStoreException.Kind.UNAVAILABLE, "s3://" + bucket + "/" + key
                    + ": " + e.getMessage(), e);
        }
    }

    private static ObjectStoreException translate(S3Exception e, String bucket, String key) {
        ObjectStoreException.Kind kind = switch (e.statusCode()) {
            case 403 -> ObjectStoreException.Kind.ACCESS_DENIED;
            case 404 -> ObjectStoreException.Kind.NOT_FOUND;
            case 429, 503 -> ObjectStoreException.Kind.THROTTLED;
            default -> e.statusCode() >= 500 ? ObjectStoreException.Kind.UNAVAILABLE : ObjectStoreException.Kind.OTHER;
        };
        String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : String.valueOf(e.statusCode());
        return new ObjectStoreException(kind, "s3://" + bucket + "/" + key + ": " + code + " (HTTP "
                + e.statusCode() + ")", e);
    }
}

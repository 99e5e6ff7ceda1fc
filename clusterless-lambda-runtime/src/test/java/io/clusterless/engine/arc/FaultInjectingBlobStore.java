package io.clusterless.engine.arc;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps s3proxy's blob store to fail object requests the way S3 does under load. s3proxy answers an
 * {@code AwsServiceException} thrown by its blob store with that exception's status and error code, so a client sees
 * a genuine {@code 500 InternalError} or {@code 503 SlowDown} over HTTP.
 */
final class FaultInjectingBlobStore extends ForwardingBlobStore {
    enum Fault {
        INTERNAL_ERROR(500, "InternalError", "We encountered an internal error. Please try again."),
        SLOW_DOWN(503, "SlowDown", "Please reduce your request rate.");

        final int status;
        final String code;
        final String message;

        Fault(int status, String code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }
    }

    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private volatile Fault fault = Fault.INTERNAL_ERROR;
    private volatile boolean afterWriting;

    FaultInjectingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    /** The next {@code count} object requests fail before doing anything. */
    void failNext(int count, Fault fault) {
        this.fault = fault;
        this.afterWriting = false;
        injected.set(0);
        remaining.set(count);
    }

    /** The next {@code count} writes are applied, then answered with an error: the client never learns they worked. */
    void failNextWritesAfterApplying(int count, Fault fault) {
        this.fault = fault;
        this.afterWriting = true;
        injected.set(0);
        remaining.set(count);
    }

    /** Failures injected since the last {@code failNext…}. */
    int injected() {
        return injected.get();
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream body) {
        if (afterWriting) {
            PutObjectResponse response = super.putBlob(request, body);
            maybeFail();
            return response;
        }
        maybeFail();
        return super.putBlob(request, body);
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        if (afterWriting) {
            DeleteObjectResponse response = super.removeBlob(request);
            maybeFail();
            return response;
        }
        maybeFail();
        return super.removeBlob(request);
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        if (!afterWriting) {
            maybeFail();
        }
        return super.getBlob(request);
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        if (!afterWriting) {
            maybeFail();
        }
        return super.blobMetadata(request);
    }

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        if (!afterWriting) {
            maybeFail();
        }
        return super.list(request);
    }

    private void maybeFail() {
        if (remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            injected.incrementAndGet();
            Fault current = fault;
            throw (S3Exception) S3Exception.builder()
                    .statusCode(current.status)
                    .message(current.message)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode(current.code).errorMessage(current.message)
                            .serviceName("S3").build())
                    .build();
        }
    }
}

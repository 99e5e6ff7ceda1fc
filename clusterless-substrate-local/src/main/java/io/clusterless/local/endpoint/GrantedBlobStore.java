package io.clusterless.local.endpoint;

import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketAclRequest;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.io.InputStream;
import java.util.List;

/**
 * One workload's view of the store: every call is checked against its {@link WorkloadGrant} before it reaches the
 * store, and anything at the bucket level (create, delete, ACLs, versioning, encryption) is refused, as the job role
 * on AWS has no such permission.
 */
final class GrantedBlobStore extends ForwardingBlobStore {
    private final WorkloadGrant grant;

    GrantedBlobStore(BlobStore delegate, WorkloadGrant grant) {
        super(delegate);
        this.grant = grant;
    }

    private void read(String bucket, String key) {
        if (!grant.mayRead(bucket, key)) {
            throw denied("read", bucket, key);
        }
    }

    private void write(String bucket, String key) {
        if (!grant.mayWrite(bucket, key)) {
            throw denied("write", bucket, key);
        }
    }

    private static S3ProxyException denied(String what, String bucket, String key) {
        return new S3ProxyException(S3ErrorCode.ACCESS_DENIED, "this workload may not " + what + " s3://" + bucket
                + "/" + (key == null ? "" : key));
    }

    private static S3ProxyException bucketLevel() {
        return new S3ProxyException(S3ErrorCode.ACCESS_DENIED, "workloads may not change buckets");
    }

    @Override
    public ListBucketsResponse list() {
        throw new S3ProxyException(S3ErrorCode.ACCESS_DENIED, "workloads may not list buckets");
    }

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        if (!grant.mayList(request.bucket(), request.prefix())) {
            throw denied("list", request.bucket(), request.prefix());
        }
        ListObjectsV2Response response = super.list(request);
        List<S3Object> contents = response.contents().stream()
                .filter(object -> grant.mayRead(request.bucket(), object.key())).toList();
        List<CommonPrefix> prefixes = response.commonPrefixes().stream()
                .filter(prefix -> grant.mayList(request.bucket(), prefix.prefix())).toList();
        return response.toBuilder().contents(contents).commonPrefixes(prefixes)
                .keyCount(contents.size() + prefixes.size()).build();
    }

    @Override
    public ListObjectVersionsResponse listVersions(ListObjectVersionsRequest request) {
        throw denied("list versions in", request.bucket(), request.prefix());
    }

    @Override
    public HeadBucketResponse headBucket(HeadBucketRequest request) {
        if (!grant.namesBucket(request.bucket())) {
            throw denied("see", request.bucket(), null);
        }
        return super.headBucket(request);
    }

    @Override
    public CreateBucketResponse createContainer(CreateBucketRequest request) {
        throw bucketLevel();
    }

    @Override
    public BucketCannedACL getContainerAccess(String container) {
        if (!grant.namesBucket(container)) {
            throw denied("see", container, null);
        }
        return super.getContainerAccess(container);
    }

    @Override
    public GetBucketAclResponse getContainerAcl(GetBucketAclRequest request) {
        if (!grant.namesBucket(request.bucket())) {
            throw denied("see", request.bucket(), null);
        }
        return super.getContainerAcl(request);
    }

    @Override
    public void setContainerAccess(String container, BucketCannedACL access) {
        throw bucketLevel();
    }

    @Override
    public void clearContainer(ListObjectsV2Request request) {
        throw bucketLevel();
    }

    @Override
    public void deleteContainer(String container) {
        throw bucketLevel();
    }

    @Override
    public void deleteBucket(String container) {
        throw bucketLevel();
    }

    @Override
    public PutBucketVersioningResponse putBucketVersioning(PutBucketVersioningRequest request) {
        throw bucketLevel();
    }

    @Override
    public PutBucketEncryptionResponse putBucketEncryption(PutBucketEncryptionRequest request) {
        throw bucketLevel();
    }

    @Override
    public DeleteBucketEncryptionResponse deleteBucketEncryption(DeleteBucketEncryptionRequest request) {
        throw bucketLevel();
    }

    @Override
    public boolean blobExists(String container, String name) {
        read(container, name);
        return super.blobExists(container, name);
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        read(request.bucket(), request.key());
        return super.blobMetadata(request);
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        read(request.bucket(), request.key());
        return super.getBlob(request);
    }

    @Override
    public ObjectCannedACL getBlobAccess(String container, String name) {
        read(container, name);
        return super.getBlobAccess(container, name);
    }

    @Override
    public ObjectCannedACL getBlobAccess(String container, String name, String versionId) {
        read(container, name);
        return super.getBlobAccess(container, name, versionId);
    }

    @Override
    public GetObjectAclResponse getBlobAcl(GetObjectAclRequest request) {
        read(request.bucket(), request.key());
        return super.getBlobAcl(request);
    }

    @Override
    public void setBlobAccess(String container, String name, ObjectCannedACL access) {
        throw denied("change the ACL of", container, name);
    }

    @Override
    public void setBlobAccess(String container, String name, ObjectCannedACL access, String versionId) {
        throw denied("change the ACL of", container, name);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        write(request.bucket(), request.key());
        return super.putBlob(request, content);
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        read(request.sourceBucket(), request.sourceKey());
        write(request.destinationBucket(), request.destinationKey());
        return super.copyBlob(request);
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        write(request.bucket(), request.key());
        return super.removeBlob(request);
    }

    @Override
    public DeleteObjectsResponse removeBlobs(DeleteObjectsRequest request) {
        for (ObjectIdentifier object : request.delete().objects()) {
            write(request.bucket(), object.key());
        }
        return super.removeBlobs(request);
    }

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        write(request.bucket(), request.key());
        return super.initiateMultipartUpload(request);
    }

    @Override
    public UploadPartResponse uploadMultipartPart(MultipartUpload upload, UploadPartRequest request,
                                                  InputStream content) {
        write(upload.containerName(), upload.blobName());
        return super.uploadMultipartPart(upload, request, content);
    }

    @Override
    public UploadPartCopyResponse copyMultipartPart(MultipartUpload upload, UploadPartCopyRequest request) {
        read(request.sourceBucket(), request.sourceKey());
        write(upload.containerName(), upload.blobName());
        return super.copyMultipartPart(upload, request);
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        write(upload.containerName(), upload.blobName());
        return super.completeMultipartUpload(upload, request);
    }

    @Override
    public void abortMultipartUpload(MultipartUpload upload) {
        write(upload.containerName(), upload.blobName());
        super.abortMultipartUpload(upload);
    }

    @Override
    public List<Part> listMultipartUpload(MultipartUpload upload) {
        write(upload.containerName(), upload.blobName());
        return super.listMultipartUpload(upload);
    }

    @Override
    public List<software.amazon.awssdk.services.s3.model.MultipartUpload> listMultipartUploads(String container) {
        if (!grant.mayWriteIn(container)) {
            throw denied("list uploads in", container, null);
        }
        return super.listMultipartUploads(container).stream()
                .filter(upload -> grant.mayWrite(container, upload.key())).toList();
    }
}

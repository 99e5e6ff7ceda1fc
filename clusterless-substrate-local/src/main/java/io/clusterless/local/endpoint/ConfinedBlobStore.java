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
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * The filesystem store as the endpoint serves it: nothing is public (s3proxy reads a file's or folder's
 * "others" permission bits as a public-read or public-read-write ACL and then answers unsigned requests; here every
 * ACL reads private and none can be set), every bucket and key names a path under the root with no symlink on the
 * way (a link could lead out of the root, or into a bucket a workload may not write), and a key with a {@code .} or
 * {@code ..} segment, which would name a folder or a parent instead of an object, is a 400 before it reaches the
 * filesystem.
 */
final class ConfinedBlobStore extends ForwardingBlobStore {
    private final Path root;

    /** @param root the store's base folder, already resolved with {@link Path#toRealPath} */
    ConfinedBlobStore(BlobStore delegate, Path root) {
        super(delegate);
        this.root = root;
    }

    /**
     * Refuses a key with a {@code .} or {@code ..} segment, and a bucket or key whose path under the root passes
     * through a symlink; checked on the deepest part of the path that exists, so writes cannot create a file through
     * a linked folder either. A link swapped in between this check and the store's own open is not caught: that
     * needs write access to the root, which already is everything the endpoint guards.
     */
    void confine(String bucket, String key) {
        if (bucket == null || bucket.isEmpty() || bucket.contains("/") || bucket.equals(".") || bucket.equals("..")) {
            throw new S3ProxyException(S3ErrorCode.INVALID_BUCKET_NAME);
        }
        Path path = root.resolve(bucket);
        if (key != null) {
            for (String segment : key.split("/", -1)) {
                if (segment.equals(".") || segment.equals("..")) {
                    throw new S3ProxyException(S3ErrorCode.INVALID_ARGUMENT,
                            "an object key may not have a '.' or '..' segment: " + key);
                }
            }
            String relative = key.replaceFirst("^/+", "");
            path = relative.isEmpty() ? path : path.resolve(relative);
        }
        if (!path.normalize().startsWith(root)) {
            throw new S3ProxyException(S3ErrorCode.ACCESS_DENIED);
        }
        Path existing = path;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            if (!existing.toRealPath().equals(existing.normalize())) {
                throw new S3ProxyException(S3ErrorCode.ACCESS_DENIED, "the path of " + bucket + "/"
                        + (key == null ? "" : key) + " passes through a symbolic link");
            }
        } catch (IOException e) {
            // a dangling link, or a path that changed while it was checked
            throw new S3ProxyException(S3ErrorCode.ACCESS_DENIED);
        }
    }

    boolean servable(String bucket, String key) {
        try {
            confine(bucket, key);
            return true;
        } catch (S3ProxyException e) {
            return false;
        }
    }

    @Override
    public BucketCannedACL getContainerAccess(String container) {
        confine(container, null);
        return BucketCannedACL.PRIVATE;
    }

    @Override
    public void setContainerAccess(String container, BucketCannedACL access) {
        throw new S3ProxyException(S3ErrorCode.ACCESS_DENIED, "ACLs cannot be changed on the local endpoint");
    }

    @Override
    public ObjectCannedACL getBlobAccess(String container, String name) {
        confine(container, name);
        return ObjectCannedACL.PRIVATE;
    }

    @Override
    public ObjectCannedACL getBlobAccess(String container, String name, String versionId) {
        confine(container, name);
        return ObjectCannedACL.PRIVATE;
    }

    @Override
    public GetObjectAclResponse getBlobAcl(GetObjectAclRequest request) {
        confine(request.bucket(), request.key());
        return super.getBlobAcl(request);
    }

    @Override
    public void setBlobAccess(String container, String name, ObjectCannedACL access) {
        throw new S3ProxyException(S3ErrorCode.ACCESS_DENIED, "ACLs cannot be changed on the local endpoint");
    }

    @Override
    public void setBlobAccess(String container, String name, ObjectCannedACL access, String versionId) {
        throw new S3ProxyException(S3ErrorCode.ACCESS_DENIED, "ACLs cannot be changed on the local endpoint");
    }

    @Override
    public HeadBucketResponse headBucket(HeadBucketRequest request) {
        confine(request.bucket(), null);
        return super.headBucket(request);
    }

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        confine(request.bucket(), null);
        ListObjectsV2Response response = super.list(request);
        // a listing walks folders itself: leave out what a read of it would refuse
        List<S3Object> contents = response.contents().stream()
                .filter(object -> servable(request.bucket(), object.key())).toList();
        List<CommonPrefix> prefixes = response.commonPrefixes().stream()
                .filter(prefix -> servable(request.bucket(), prefix.prefix())).toList();
        if (contents.size() == response.contents().size() && prefixes.size() == response.commonPrefixes().size()) {
            return response;
        }
        return response.toBuilder().contents(contents).commonPrefixes(prefixes)
                .keyCount(contents.size() + prefixes.size()).build();
    }

    @Override
    public ListObjectVersionsResponse listVersions(ListObjectVersionsRequest request) {
        throw new S3ProxyException(S3ErrorCode.NOT_IMPLEMENTED, "the local endpoint keeps no object versions");
    }

    @Override
    public boolean blobExists(String container, String name) {
        confine(container, name);
        return super.blobExists(container, name);
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        confine(request.bucket(), request.key());
        return super.blobMetadata(request);
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        confine(request.bucket(), request.key());
        return super.getBlob(request);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        confine(request.bucket(), request.key());
        return super.putBlob(request, content);
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        confine(request.sourceBucket(), request.sourceKey());
        confine(request.destinationBucket(), request.destinationKey());
        return super.copyBlob(request);
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        confine(request.bucket(), request.key());
        return super.removeBlob(request);
    }

    @Override
    public DeleteObjectsResponse removeBlobs(DeleteObjectsRequest request) {
        for (ObjectIdentifier object : request.delete().objects()) {
            confine(request.bucket(), object.key());
        }
        return super.removeBlobs(request);
    }

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        confine(request.bucket(), request.key());
        return super.initiateMultipartUpload(request);
    }

    @Override
    public UploadPartResponse uploadMultipartPart(MultipartUpload upload, UploadPartRequest request,
                                                  InputStream content) {
        confine(upload.containerName(), upload.blobName());
        return super.uploadMultipartPart(upload, request, content);
    }

    @Override
    public UploadPartCopyResponse copyMultipartPart(MultipartUpload upload, UploadPartCopyRequest request) {
        confine(request.sourceBucket(), request.sourceKey());
        confine(upload.containerName(), upload.blobName());
        return super.copyMultipartPart(upload, request);
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        confine(upload.containerName(), upload.blobName());
        return super.completeMultipartUpload(upload, request);
    }

    @Override
    public void abortMultipartUpload(MultipartUpload upload) {
        confine(upload.containerName(), upload.blobName());
        super.abortMultipartUpload(upload);
    }
}

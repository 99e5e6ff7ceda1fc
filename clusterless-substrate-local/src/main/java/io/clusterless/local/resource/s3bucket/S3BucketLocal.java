package io.clusterless.local.resource.s3bucket;

import io.clusterless.local.resource.LocalResourceContext;
import io.clusterless.local.resource.LocalResourceType;
import io.clusterless.model.Resource;
import io.clusterless.model.core.resource.s3bucket.S3BucketResource;

/** s3Bucket on one machine: the folder {@code buckets/<bucketName>/}, created when the run starts. */
public final class S3BucketLocal implements LocalResourceType {
    @Override
    public String componentType() {
        return S3BucketResource.TYPE;
    }

    @Override
    public String localForm() {
        return "the folder buckets/<bucketName>/ under the local root";
    }

    @Override
    public void place(Resource resource, LocalResourceContext context) {
        String bucket = ((S3BucketResource) resource).getBucketName();
        if (bucket != null && !bucket.isBlank()) {
            context.createBucket(bucket);
        }
    }
}

package io.clusterless.substrate.aws.component.resource.s3bucket;

import io.clusterless.model.core.resource.s3bucket.S3BucketResource;
import io.clusterless.substrate.aws.construct.ManagedBuckets;
import io.clusterless.substrate.aws.construct.OriginalIds;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/** {@code aws:core:s3Bucket}: a managed bucket that exports its ARN ref. */
public final class S3BucketConstruct extends Construct {
    /** The original's model class, the first part of its construct ids. */
    static final String MODEL_CLASS = "S3BucketResource";

    public S3BucketConstruct(Construct scope, ProjectScope project, S3BucketResource model) {
        super(scope, OriginalIds.unique(scope, OriginalIds.resource(MODEL_CLASS, model.getBucketName()),
                "S3Bucket-" + model.getName()));
        // the bucket sits where the original's does, so its logical id is the original's (ADR-0016)
        Bucket bucket = ManagedBuckets.create(this, getNode().getId(), model.getBucketName(), model.isVersioned(),
                model.isEnableEventBridge(), project.removeOnDestroy(model.isRemoveOnDestroy()));
        project.tag(bucket, model.getTags());
        project.registerBucket(model.getBucketName(), bucket);
        project.exportAsTheOriginal(this, "arn", model, bucket.getBucketArn());
    }
}

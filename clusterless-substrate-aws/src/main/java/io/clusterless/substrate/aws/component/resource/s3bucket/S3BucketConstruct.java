package io.clusterless.substrate.aws.component.resource.s3bucket;

import io.clusterless.model.core.resource.s3bucket.S3BucketResource;
import io.clusterless.substrate.aws.construct.ManagedBuckets;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/** {@code aws:core:s3Bucket}: a managed bucket that exports its ARN ref. */
public final class S3BucketConstruct extends Construct {
    public S3BucketConstruct(Construct scope, ProjectScope project, S3BucketResource model) {
        super(scope, "S3Bucket-" + model.getName());
        Bucket bucket = ManagedBuckets.create(this, "Bucket", model.getBucketName(), model.isVersioned(),
                model.isEnableEventBridge(), project.removeOnDestroy(model.isRemoveOnDestroy()));
        project.tag(bucket, model.getTags());
        project.registerBucket(model.getBucketName(), bucket);
        project.export(this, "Arn", project.exportRef("arn", model), bucket.getBucketArn());
    }
}

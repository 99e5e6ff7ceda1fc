package io.clusterless.substrate.aws.construct;

import io.clusterless.substrate.aws.nag.Nag;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.constructs.Construct;

/**
 * The one way clusterless makes buckets: S3-managed encryption, TLS only, public access blocked.
 * <p>
 * {@code removeOnDestroy} maps to a DESTROY removal policy without CDK's auto-delete custom resource: CloudFormation
 * then deletes the bucket only when it is empty (a non-empty bucket fails the stack deletion and must be emptied
 * first). EventBridge notifications are switched on through the {@code CfnBucket} property, not CDK's
 * {@code eventBridgeEnabled}, which would add a custom-resource Lambda.
 */
public final class ManagedBuckets {
    private ManagedBuckets() {
    }

    public static Bucket create(Construct scope, String id, String bucketName, boolean versioned, boolean eventBridge,
                                boolean removeOnDestroy) {
        Bucket bucket = Bucket.Builder.create(scope, id)
                .bucketName(bucketName)
                .versioned(versioned)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .removalPolicy(removeOnDestroy ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                .build();
        if (eventBridge) {
            enableEventBridge(bucket);
        }
        Nag.suppress(bucket, "AwsSolutions-S1", "Server access logs need a second bucket per bucket; clusterless "
                + "records every arrival in manifests, and users enable access logging where they need it.");
        return bucket;
    }

    /** Sends the bucket's events to the account's default EventBridge bus, without a custom resource. */
    public static void enableEventBridge(Bucket bucket) {
        cfn(bucket).addPropertyOverride("NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled", true);
    }

    public static CfnBucket cfn(Bucket bucket) {
        return (CfnBucket) bucket.getNode().getDefaultChild();
    }
}

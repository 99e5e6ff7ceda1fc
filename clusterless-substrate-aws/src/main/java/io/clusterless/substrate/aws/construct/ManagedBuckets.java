package io.clusterless.substrate.aws.construct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.substrate.aws.nag.Nag;
import io.clusterless.substrate.aws.wire.WireValues;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketProps;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.constructs.Construct;

import java.util.Map;

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
        BucketProps props = BucketProps.builder()
                .bucketName(bucketName)
                .versioned(versioned)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .removalPolicy(removeOnDestroy ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                .build();
        // node's BlockPublicAccess.BLOCK_ALL: the Java class fetches its three constants from node when first touched
        Bucket bucket = new Bucket(scope, id, new WireProps(WireValues.struct("aws-cdk-lib.aws_s3.BucketProps",
                Map.of(), props, Map.of("blockPublicAccess",
                        WireValues.constant("aws-cdk-lib.aws_s3.BlockPublicAccess", "BLOCK_ALL")))));
        if (eventBridge) {
            enableEventBridge(bucket);
        }
        Nag.suppress(bucket, "AwsSolutions-S1", "Server access logs need a second bucket per bucket; clusterless "
                + "records every arrival in manifests, and users enable access logging where they need it.");
        return bucket;
    }

    /** Sends the bucket's events to the account's default EventBridge bus, without a custom resource. */
    public static void enableEventBridge(Bucket bucket) {
        overrideProperty(WireValues.get(bucket, "node"),
                "NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled", true);
    }

    /**
     * {@code addPropertyOverride(path, value)} on the CfnBucket of the bucket whose {@code node} (a wire reference) is
     * given. The CfnBucket stays node's object: mapped to Java, it would cost jsii a round trip asking its package.
     */
    public static void overrideProperty(JsonNode bucketNode, String path, Object value) {
        WireValues.call(WireValues.get(bucketNode, "defaultChild"), "addPropertyOverride", path, value);
    }

    /** Bucket props jsii sends as {@code wire}; Java's getters answer nothing. */
    private record WireProps(ObjectNode wire) implements BucketProps {
        @Override
        public JsonNode $jsii$toJson() {
            return wire;
        }
    }
}

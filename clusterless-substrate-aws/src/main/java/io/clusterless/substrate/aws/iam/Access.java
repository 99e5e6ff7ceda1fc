package io.clusterless.substrate.aws.iam;

import io.clusterless.model.DatasetRef;
import io.clusterless.substrate.aws.nag.Nag;
import io.clusterless.uri.ManifestURI;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.IConstruct;

import java.util.List;
import java.util.Map;

/**
 * IAM statements that name exact buckets, key prefixes, buses, queues and tables. The only wildcard they use is the
 * trailing {@code *} after a key prefix, because object keys are only known at run time.
 */
public final class Access {
    private Access() {
    }

    public static String bucketArn(String bucket) {
        return "arn:" + Aws.PARTITION + ":s3:::" + bucket;
    }

    public static String objectsArn(String bucket, String prefix) {
        return bucketArn(bucket) + "/" + (prefix == null ? "" : prefix) + "*";
    }

    /** The key prefix of a dataset's manifests in the manifest bucket: {@code datasets/name=<n>/version=<v>/}. */
    public static String manifestPrefix(DatasetRef dataset) {
        return ManifestURI.of(null, dataset).keyPath();
    }

    /**
     * Get objects under {@code prefix} and list keys under it only ({@code s3:prefix}; S3 answers HEAD on a missing
     * key with 403 unless the caller may list that key). The shared manifest and arc-state buckets hold every
     * project's keys: no role may list beyond its own prefixes. A whole-bucket grant (no prefix) lists the bucket.
     */
    public static void read(IRole role, String bucket, String prefix) {
        add(role, PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject"))
                .resources(List.of(objectsArn(bucket, prefix)))
                .build());
        PolicyStatement.Builder list = PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(bucketArn(bucket)));
        if (prefix != null && !prefix.isEmpty()) {
            list.conditions(Map.of("StringLike", Map.of("s3:prefix", List.of(prefix + "*"))));
        }
        add(role, list.build());
    }

    /**
     * Read, plus put objects under {@code prefix} but never delete them: a create-if-absent write reads back the key
     * it finds, and what it wrote stays.
     */
    public static void readCreate(IRole role, String bucket, String prefix) {
        read(role, bucket, prefix);
        add(role, PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject"))
                .resources(List.of(objectsArn(bucket, prefix)))
                .build());
    }

    /** Read, plus put and delete objects under {@code prefix} (state transitions copy then delete). */
    public static void readWrite(IRole role, String bucket, String prefix) {
        read(role, bucket, prefix);
        add(role, PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"))
                .resources(List.of(objectsArn(bucket, prefix)))
                .build());
    }

    public static String eventBusArn(String busName) {
        return "arn:" + Aws.PARTITION + ":events:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":event-bus/" + busName;
    }

    public static void putEvents(IRole role, String busName) {
        add(role, PolicyStatement.Builder.create()
                .actions(List.of("events:PutEvents"))
                .resources(List.of(eventBusArn(busName)))
                .build());
    }

    /**
     * {@code statement} into the role's default policy. On a {@link Role} through {@code addToPolicy}, which adds it
     * the same way in one bridge call: {@code addToPrincipalPolicy} returns a struct whose two properties jsii then
     * reads, one of them an object it must look up, three more round trips to node per statement.
     */
    public static void add(IRole role, PolicyStatement statement) {
        if (role instanceof Role concrete) {
            concrete.addToPolicy(statement);
        } else {
            role.addToPrincipalPolicy(statement);
        }
    }

    /** Object keys are only known at run time: the trailing {@code *} after a named bucket and prefix is the point. */
    public static void allowObjectWildcards(IConstruct role) {
        Nag.suppressWildcards(role, "Objects are written and read under a fixed bucket and key prefix; their keys "
                + "(lots, attempts, data files) are only known at run time.", "/^Resource::arn:<AWS::Partition>:s3:::[^*]+\\*$/g");
    }
}

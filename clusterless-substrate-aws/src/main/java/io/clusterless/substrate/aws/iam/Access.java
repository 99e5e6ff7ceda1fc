package io.clusterless.substrate.aws.iam;

import io.clusterless.model.DatasetRef;
import io.clusterless.uri.ManifestURI;
import io.clusterless.substrate.aws.wire.Aws;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;

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
    public static void read(Grantee role, String bucket, String prefix) {
        role.allow(Statement.allow(List.of("s3:GetObject"), List.of(objectsArn(bucket, prefix))));
        role.allow(new Statement(List.of("s3:ListBucket"), List.of(bucketArn(bucket)),
                prefix != null && !prefix.isEmpty()
                        ? Map.of("StringLike", Map.of("s3:prefix", List.of(prefix + "*"))) : null));
    }

    /**
     * Read, plus put objects under {@code prefix} but never delete them: a create-if-absent write reads back the key
     * it finds, and what it wrote stays.
     */
    public static void readCreate(Grantee role, String bucket, String prefix) {
        read(role, bucket, prefix);
        role.allow(Statement.allow(List.of("s3:PutObject"), List.of(objectsArn(bucket, prefix))));
    }

    /** Read, plus put and delete objects under {@code prefix} (state transitions copy then delete). */
    public static void readWrite(Grantee role, String bucket, String prefix) {
        read(role, bucket, prefix);
        role.allow(Statement.allow(List.of("s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"),
                List.of(objectsArn(bucket, prefix))));
    }

    public static String eventBusArn(String busName) {
        return "arn:" + Aws.PARTITION + ":events:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":event-bus/" + busName;
    }

    public static void putEvents(Grantee role, String busName) {
        role.allow(Statement.allow(List.of("events:PutEvents"), List.of(eventBusArn(busName))));
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
    public static void allowObjectWildcards(Grantee role) {
        role.suppressWildcards("Objects are written and read under a fixed bucket and key prefix; their keys "
                + "(lots, attempts, data files) are only known at run time.", "/^Resource::arn:<AWS::Partition>:s3:::[^*]+\\*$/g");
    }
}

package io.clusterless.substrate.aws.construct;

import io.clusterless.naming.Label;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

import java.util.Locale;

/**
 * Construct ids of the original's construct tree (ADR-0016), for the resources whose CloudFormation logical ids
 * must not change when cls deploys over a placement or project the original deployed: a changed logical id makes
 * CloudFormation create the resource anew, which for a fixed-name bucket, Glue database or table fails (the name is
 * taken) or, with a retain policy, orphans the data.
 * <p>
 * CDK derives a logical id from the construct path below the stack, so building the same path gives the same id.
 * The original names a resource construct, and the L2 construct inside it, after its model class and declared
 * physical name ({@code S3BucketResource} + the bucket name in upper camel case); its exports sit on the stack under
 * {@code Output<ns><Type><name><Qualifier>}.
 */
public final class OriginalIds {
    private OriginalIds() {
    }

    /**
     * {@code <modelClass><PhysicalName>}, e.g. {@code S3BucketResourceClusterlessSimpleTest123456789012UsEast2}.
     *
     * @param modelClass the original's model class: {@code S3BucketResource}, {@code GlueDatabaseResource},
     *                   {@code GlueTableResource}
     */
    public static String resource(String modelClass, String physicalName) {
        return modelClass + Label.upperCamel(physicalName);
    }

    /**
     * {@code id}, or {@code fallbackId} when {@code scope} already has a child of that id: two Glue tables of one
     * name in different databases, which the original could not place at all, so no deployed id is at stake.
     */
    public static String unique(Construct scope, String id, String fallbackId) {
        return scope.getNode().tryFindChild(id) == null ? id : fallbackId;
    }

    /**
     * An export at the original's path on the stack: {@code Output<label><Qualifier>/<label>} where the label is
     * {@code <ns><Type><name>}: the namespace and the name as they appear in the export ref, the type in upper
     * camel case (a {@code core:s3-bucket:bucket} ref gives {@code coreS3Bucketbucket}).
     *
     * @param ns        the ref's namespace, e.g. {@code core}, {@code meta}
     * @param type      the ref's type as it appears in the ref, e.g. {@code s3-bucket}, {@code arcState}
     * @param name      the ref's name as it appears in the ref, e.g. {@code bucket}, {@code store}
     * @param qualifier {@code name}, {@code id} or {@code arn}
     */
    public static CfnOutput export(Stack stack, String ns, String type, String name, String qualifier,
                                   String exportName, String value) {
        String label = ns + Label.upperCamel(type) + name;
        String q = qualifier.toLowerCase(Locale.ROOT);
        Construct output = new Construct(stack, "Output" + label + Character.toUpperCase(q.charAt(0))
                + q.substring(1));
        return CfnOutput.Builder.create(output, label).exportName(exportName).value(value).build();
    }
}

package io.clusterless.substrate.aws.construct;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.naming.Label;
import io.clusterless.substrate.aws.wire.WireValues;
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
 * <p>
 * The fixed-name resources of arc stacks and of boundaries and activities keep the original's ids too: a deploy over
 * its stacks would otherwise create ours beside its own under the same physical name, which CloudFormation refuses.
 * An arc stack holds, below the stack: {@code Start/StartFunction} and {@code Complete/CompleteFunction} (the gates,
 * each with its log group at {@code LambdaLogGroup<function id>/LogGroup<function id>}), {@code <Arc>Orchestration}
 * with the state machine {@code <arc base>} and its log group {@code LogGroup<arc base>}, {@code <Arc>Listener}
 * with the rule {@code <arc base>Rule}, and the workload's function {@code Func/<Arc>Func} (Batch:
 * {@code Result/<Arc>Result}, with the job's log group, definition and queue in {@code BatchExecArc<Arc>}).
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
     * {@code <Stage><Project><Arc><version>}, e.g. {@code DEVS3SimpleCopyA20230101-00}: the original's construct id
     * of an arc's state machine, and the stem of its log group's and listener rule's ids. The stage is upper-cased
     * and the version kept verbatim (both are fixed parts of the original's labels), the names in upper camel case;
     * an absent stage is left out.
     */
    public static String arcBase(String stage, String project, String arc, String version) {
        String upperStage = stage == null ? "" : stage.strip().toUpperCase(Locale.ROOT);
        return upperStage + Label.upperCamel(project) + Label.upperCamel(arc) + version;
    }

    /**
     * {@code <model class><Discriminator><Name>}, e.g. {@code S3PutListenerBoundaryInfrequentIngress}: the original's
     * construct id of a component, whose functions, rules and queues sit directly below it.
     *
     * @param discriminator what the original puts between class and name ({@code Infrequent}, {@code Frequent}), or
     *                      empty
     */
    public static String component(String modelClass, String discriminator, String name) {
        return modelClass + discriminator + Label.upperCamel(name);
    }

    /** The original's construct id of a function's log group's parent, {@code LambdaLogGroup<function id>}. */
    public static String lambdaLogGroupScope(String functionId) {
        return "LambdaLogGroup" + functionId;
    }

    /** The original's construct id of a log group of a function or state machine: {@code LogGroup<its id>}. */
    public static String logGroup(String functionId) {
        return "LogGroup" + functionId;
    }

    /**
     * {@code id}, or {@code fallbackId} when {@code scope} already has a child of that id: two Glue tables of one
     * name in different databases, which the original could not place at all, so no deployed id is at stake.
     */
    public static String unique(Construct scope, String id, String fallbackId) {
        // node's own Node of the scope and its child, never mapped to Java (each would cost jsii a round trip more)
        JsonNode child = WireValues.call(WireValues.get(scope, "node"), "tryFindChild", id);
        return child == null || child.isNull() ? id : fallbackId;
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

package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.naming.PlacementNames;
import io.clusterless.substrate.aws.synth.AwsSynthesizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stateful resources keep the logical ids the original's construct tree gives them (issue 20, ADR-0016), so a
 * deploy over its stacks updates them in place. The original's ids are computed here by CDK itself, from the
 * construct paths the original builds (its naming rules, written out by hand below), not copied from templates.
 * <p>
 * The original's rules: a resource construct and the L2 construct inside it are both named
 * {@code <model class><physical name in upper camel case>}; the L1 resource under them is {@code Resource} (a
 * bucket, a Glue database) or {@code Table} (a Glue table); a bootstrap store bucket is named after the bucket name
 * at the top of its stack; an export is {@code Output<ns><Type><name><Qualifier>/<ns><Type><name>}.
 */
class OriginalLogicalIdsTest {
    private static final String GROUPED = ProjectStacksTest.GROUPED;
    private static final String BOOTSTRAP = "DEV-clusterless-bootstrap";
    private static Synthesized bootstrap;

    @BeforeAll
    static void synthesizeBootstrap() {
        bootstrap = Synthesized.of(AwsSynthesizer.synthesizeBootstrap(
                new PlacementNames("dev", "123456789012", "us-west-2"), false, Projects.outdir()));
    }

    /** The logical id CDK gives an element at {@code path} below a stack. */
    static String cdkLogicalId(String... path) {
        Stack stack = new Stack(new App(), "Original");
        Construct scope = stack;
        for (int i = 0; i < path.length - 1; i++) {
            scope = new Construct(scope, path[i]);
        }
        CfnElement element = CfnResource.Builder.create(scope, path[path.length - 1]).type("AWS::S3::Bucket").build();
        return (String) stack.resolve(element.getLogicalId());
    }

    @Test
    void theIssuesExample_isWhatCdkGivesTheOriginalsPath() {
        // measured on a stack the original deployed (issue 20): bucket clusterless-simple-test-123456789012-us-east-2
        String id = "S3BucketResourceClusterlessSimpleTest123456789012UsEast2";
        assertThat(cdkLogicalId(id, id, "Resource")).isEqualTo("S3BucketResourceClusterlessSimpleTest123456789012UsEast27800889E");
    }

    @Test
    void projectBucketsGlueDatabaseAndTable_haveTheOriginalsLogicalIds() {
        JsonNode template = Synthesized.allComponents().json(GROUPED);
        // bucket dev-s3-simple-123456789012-us-west-2: hyphens cut, each piece capitalized
        String bucket = "S3BucketResourceDevS3Simple123456789012UsWest2";
        assertThat(logicalId(template, "AWS::S3::Bucket", r -> r.at("/Properties/BucketName").asText()
                .equals("dev-s3-simple-123456789012-us-west-2"))).isEqualTo(cdkLogicalId(bucket, bucket, "Resource"));
        String keep = "S3BucketResourceDevS3SimpleKeep123456789012UsWest2";
        assertThat(logicalId(template, "AWS::S3::Bucket", r -> r.at("/Properties/BucketName").asText()
                .equals("dev-s3-simple-keep-123456789012-us-west-2"))).isEqualTo(cdkLogicalId(keep, keep, "Resource"));
        // database dev_simple: underscores cut the same way
        String database = "GlueDatabaseResourceDevSimple";
        assertThat(logicalId(template, "AWS::Glue::Database", r -> true))
                .isEqualTo(cdkLogicalId(database, database, "Resource"));
        String table = "GlueTableResourceCopies";
        assertThat(logicalId(template, "AWS::Glue::Table", r -> true)).isEqualTo(cdkLogicalId(table, table, "Table"));
    }

    @Test
    void projectResourceExports_haveTheOriginalsOutputIds() {
        JsonNode outputs = Synthesized.allComponents().json(GROUPED).path("Outputs");
        assertThat(outputId(outputs, "ref:aws:arn:dev:s3-simple:20230101-00:core:s3-bucket:bucket"))
                .isEqualTo(cdkLogicalId("OutputcoreS3BucketbucketArn", "coreS3Bucketbucket"));
        assertThat(outputId(outputs, "ref:aws:arn:dev:s3-simple:20230101-00:core:glue-database:database"))
                .isEqualTo(cdkLogicalId("OutputcoreGlueDatabasedatabaseArn", "coreGlueDatabasedatabase"));
        assertThat(outputId(outputs, "ref:aws:arn:dev:s3-simple:20230101-00:core:glue-table:table"))
                .isEqualTo(cdkLogicalId("OutputcoreGlueTabletableArn", "coreGlueTabletable"));
    }

    @Test
    void bootstrapStoresAndBus_haveTheOriginalsLogicalIds() {
        JsonNode template = bootstrap.json(BOOTSTRAP);
        for (String store : new String[]{"metadata", "arc-state", "manifest"}) {
            String bucket = "dev-clusterless-" + store + "-123456789012-us-west-2";
            assertThat(logicalId(template, "AWS::S3::Bucket", r -> r.at("/Properties/BucketName").asText()
                    .equals(bucket))).as(bucket).isEqualTo(cdkLogicalId(bucket, "Resource"));
        }
        assertThat(logicalId(template, "AWS::Events::EventBus", r -> true))
                .isEqualTo(cdkLogicalId("ArcEventBus", "Resource"));
    }

    @Test
    void bootstrapExports_haveTheOriginalsNamesAndOutputIds() {
        JsonNode outputs = bootstrap.json(BOOTSTRAP).path("Outputs");
        Map<String, String[]> expected = Map.of(
                "ref:aws:name:dev:bootstrap:1:meta:metadata:store", new String[]{"OutputmetaMetadatastoreName", "metaMetadatastore"},
                "ref:aws:arn:dev:bootstrap:1:meta:metadata:store", new String[]{"OutputmetaMetadatastoreArn", "metaMetadatastore"},
                "ref:aws:name:dev:bootstrap:1:meta:arcState:store", new String[]{"OutputmetaArcStatestoreName", "metaArcStatestore"},
                "ref:aws:arn:dev:bootstrap:1:meta:arcState:store", new String[]{"OutputmetaArcStatestoreArn", "metaArcStatestore"},
                "ref:aws:name:dev:bootstrap:1:meta:manifest:store", new String[]{"OutputmetaManifeststoreName", "metaManifeststore"},
                "ref:aws:arn:dev:bootstrap:1:meta:manifest:store", new String[]{"OutputmetaManifeststoreArn", "metaManifeststore"},
                "ref:aws:name:dev:bootstrap:1:meta:event-bus:arc-event-bus",
                new String[]{"OutputmetaEventBusarc-event-busName", "metaEventBusarc-event-bus"},
                "ref:aws:id:dev:bootstrap:1:meta:vpc:common-vpc", new String[]{"OutputmetaVpccommon-vpcId", "metaVpccommon-vpc"},
                "ref:aws:arn:dev:bootstrap:1:meta:vpc:common-vpc", new String[]{"OutputmetaVpccommon-vpcArn", "metaVpccommon-vpc"},
                "ref:aws:name:dev:bootstrap:1:meta:vpc:common-vpc", new String[]{"OutputmetaVpccommon-vpcName", "metaVpccommon-vpc"});
        expected.forEach((export, path) -> assertThat(outputId(outputs, export)).as(export)
                .isEqualTo(cdkLogicalId(path)));
    }

    /**
     * The original's arc stack: its gates are fragments {@code Start}/{@code Complete} on the stack, each with the
     * function {@code <gate>Function} and the log group {@code LambdaLogGroup<fn>/LogGroup<fn>}; the state machine
     * and its log group sit in {@code <Arc>Orchestration} as {@code <base>} and {@code LogGroup<base>}, the
     * listener rule in {@code <Arc>Listener} as {@code <base>Rule}, where {@code <base>} is the stage upper-cased,
     * the project and arc names in upper camel case and the version as written; a Lambda workload's function is
     * {@code Func/<Arc>Func}.
     */
    @Test
    void arcStackFixedNameResources_haveTheOriginalsLogicalIds() {
        String stack = "DEV-s3-simple-arc-copy-a-20230101-00-us-west-2";
        JsonNode template = Synthesized.allComponents().json(stack);
        String base = "DEV" + "S3Simple" + "CopyA" + "20230101-00";
        assertGates(template, "copy-a");
        assertThat(named(template, "AWS::StepFunctions::StateMachine", "StateMachineName", "DEV-s3-simple-copy-a-20230101-00"))
                .isEqualTo(cdkLogicalId("CopyAOrchestration", base, "Resource"));
        assertThat(named(template, "AWS::Logs::LogGroup", "LogGroupName", "/aws/vendedlogs/states/DEV-s3-simple-copy-a-20230101-00"))
                .isEqualTo(cdkLogicalId("CopyAOrchestration", "LogGroup" + base, "Resource"));
        assertThat(named(template, "AWS::Events::Rule", "Name", "DEV-s3-simple-copy-a-20230101-00-rule"))
                .isEqualTo(cdkLogicalId("CopyAListener", base + "Rule", "Resource"));
        assertFunction(template, "DEV-s3-simple-copy-a-func-20230101-00-us-west-2", "Func", "CopyAFunc");

        JsonNode glue = Synthesized.allComponents().json("DEV-s3-simple-arc-add-partitions-20230101-00-us-west-2");
        assertGates(glue, "add-partitions");
        assertFunction(glue, "DEV-s3-simple-add-partitions-func-20230101-00-us-west-2", "Func", "AddPartitionsFunc");
        assertThat(named(glue, "AWS::StepFunctions::StateMachine", "StateMachineName", "DEV-s3-simple-add-partitions-20230101-00"))
                .isEqualTo(cdkLogicalId("AddPartitionsOrchestration", "DEVS3SimpleAddPartitions20230101-00", "Resource"));
    }

    /**
     * The original's Batch arc: the result function at {@code Result/<Arc>Result}; the job's log group
     * ({@code LogGroup<Arc>}), definition ({@code JobDef}) and queue ({@code JobQueue}) in {@code BatchExecArc<Arc>}.
     */
    @Test
    void batchArcFixedNameResources_haveTheOriginalsLogicalIds() {
        JsonNode template = Synthesized.allComponents().json("DEV-s3-simple-arc-convert-20230101-00-us-west-2");
        assertGates(template, "convert");
        assertFunction(template, "DEV-s3-simple-convert-result-20230101-00-us-west-2", "Result", "ConvertResult");
        assertThat(named(template, "AWS::Logs::LogGroup", "LogGroupName", "/aws/batch/DEV-s3-simple-convert-20230101-00"))
                .isEqualTo(cdkLogicalId("BatchExecArcConvert", "LogGroupConvert", "Resource"));
        assertThat(named(template, "AWS::Batch::JobDefinition", "JobDefinitionName", "DEV-s3-simple-convert-20230101-00"))
                .isEqualTo(cdkLogicalId("BatchExecArcConvert", "JobDef", "Resource"));
        assertThat(named(template, "AWS::Batch::JobQueue", "JobQueueName", "DEV-s3-simple-convert-20230101-00"))
                .isEqualTo(cdkLogicalId("BatchExecArcConvert", "JobQueue", "Resource"));
    }

    /**
     * The original's boundary is {@code S3PutListenerBoundary<Infrequent|Frequent><Name>} holding the function
     * {@code <Name>Int}, the rule {@code ListenerEvent} and (frequent) the queue {@code S3EventQueue}; its activity
     * {@code CloudWatchExportActivity<Name>} holds {@code <Name>Int} and {@code ListenerEvent}; an event bus is
     * {@code EventBridgeResource<Bus>/<Bus>}, a compute environment {@code ComputeResource<Env>} twice.
     */
    @Test
    void groupedStackFixedNameResources_haveTheOriginalsLogicalIds() {
        JsonNode template = Synthesized.allComponents().json(GROUPED);
        String infrequent = "S3PutListenerBoundaryInfrequentIngressPutListener";
        assertThat(named(template, "AWS::Lambda::Function", "FunctionName", "DEV-s3-simple-ingress-put-listener-int-20230101-00-us-west-2"))
                .isEqualTo(cdkLogicalId(infrequent, "IngressPutListenerInt", "Resource"));
        assertThat(named(template, "AWS::Logs::LogGroup", "LogGroupName", "/aws/lambda/DEV-s3-simple-ingress-put-listener-int-20230101-00-us-west-2"))
                .isEqualTo(cdkLogicalId(infrequent, "LambdaLogGroupIngressPutListenerInt", "LogGroupIngressPutListenerInt", "Resource"));
        assertThat(named(template, "AWS::Events::Rule", "Name", "DEV-s3-simple-ingress-put-listener-20230101-00-us-west-2"))
                .isEqualTo(cdkLogicalId(infrequent, "ListenerEvent", "Resource"));
        String frequent = "S3PutListenerBoundaryFrequentFrequentListener";
        assertThat(named(template, "AWS::Lambda::Function", "FunctionName", "DEV-s3-simple-frequent-listener-int-20230101-00-us-west-2"))
                .isEqualTo(cdkLogicalId(frequent, "FrequentListenerInt", "Resource"));
        assertThat(named(template, "AWS::SQS::Queue", "QueueName", "DEV-s3-simple-frequent-listener-20230101-00"))
                .isEqualTo(cdkLogicalId(frequent, "S3EventQueue", "Resource"));
        assertThat(named(template, "AWS::Events::Rule", "Name", "DEV-s3-simple-frequent-listener-20230101-00-us-west-2"))
                .isEqualTo(cdkLogicalId(frequent, "ListenerEvent", "Resource"));
        String activity = "CloudWatchExportActivityApiLogs";
        assertThat(named(template, "AWS::Lambda::Function", "FunctionName", "DEV-s3-simple-api-logs-act-20230101-00-us-west-2"))
                .isEqualTo(cdkLogicalId(activity, "ApiLogsInt", "Resource"));
        assertThat(named(template, "AWS::Logs::LogGroup", "LogGroupName", "/aws/lambda/DEV-s3-simple-api-logs-act-20230101-00-us-west-2"))
                .isEqualTo(cdkLogicalId(activity, "LambdaLogGroupApiLogsInt", "LogGroupApiLogsInt", "Resource"));
        assertThat(named(template, "AWS::Events::Rule", "Name", "DEV-s3-simple-api-logs-20230101-00-us-west-2"))
                .isEqualTo(cdkLogicalId(activity, "ListenerEvent", "Resource"));
        assertThat(named(template, "AWS::Events::EventBus", "Name", "devAudit"))
                .isEqualTo(cdkLogicalId("EventBridgeResourceDevAudit", "DevAudit", "Resource"));
        assertThat(named(template, "AWS::Batch::ComputeEnvironment", "ComputeEnvironmentName", "DEV-s3-simple-convert-compute-20230101-00"))
                .isEqualTo(cdkLogicalId("ComputeResourceConvertCompute", "ComputeResourceConvertCompute", "Resource"));
        JsonNode outputs = template.path("Outputs");
        assertThat(outputId(outputs, "ref:aws:arn:dev:s3-simple:20230101-00:core:event-bus:audit"))
                .isEqualTo(cdkLogicalId("OutputcoreEventBusauditArn", "coreEventBusaudit"));
        assertThat(outputId(outputs, "ref:aws:arn:dev:s3-simple:20230101-00:core:compute-environment:compute"))
                .isEqualTo(cdkLogicalId("OutputcoreComputeEnvironmentcomputeArn", "coreComputeEnvironmentcompute"));
    }

    /** The gates' functions and log groups at {@code Start/StartFunction} and {@code Complete/CompleteFunction}. */
    private static void assertGates(JsonNode template, String arc) {
        assertFunction(template, "DEV-s3-simple-" + arc + "-start-20230101-00-us-west-2", "Start", "StartFunction");
        assertFunction(template, "DEV-s3-simple-" + arc + "-complete-20230101-00-us-west-2", "Complete", "CompleteFunction");
    }

    /** A function at {@code <scope>/<id>} and its log group at {@code <scope>/LambdaLogGroup<id>/LogGroup<id>}. */
    private static void assertFunction(JsonNode template, String name, String scope, String id) {
        assertThat(named(template, "AWS::Lambda::Function", "FunctionName", name))
                .isEqualTo(cdkLogicalId(scope, id, "Resource"));
        assertThat(named(template, "AWS::Logs::LogGroup", "LogGroupName", "/aws/lambda/" + name))
                .isEqualTo(cdkLogicalId(scope, "LambdaLogGroup" + id, "LogGroup" + id, "Resource"));
    }

    private static String named(JsonNode template, String type, String property, String name) {
        return logicalId(template, type, r -> r.at("/Properties/" + property).asText().equals(name));
    }

    private static String logicalId(JsonNode template, String type, Predicate<JsonNode> which) {
        String found = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (resource.getValue().path("Type").asText().equals(type) && which.test(resource.getValue())) {
                assertThat(found).as("one " + type + " matches").isNull();
                found = resource.getKey();
            }
        }
        assertThat(found).as("a " + type).isNotNull();
        return found;
    }

    private static String outputId(JsonNode outputs, String exportName) {
        for (Iterator<Map.Entry<String, JsonNode>> it = outputs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> output = it.next();
            if (output.getValue().at("/Export/Name").asText().equals(exportName)) {
                return output.getKey();
            }
        }
        throw new AssertionError("no output exports " + exportName + " in " + outputs.toString());
    }
}

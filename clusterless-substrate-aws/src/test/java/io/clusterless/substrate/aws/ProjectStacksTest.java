package io.clusterless.substrate.aws;

import io.clusterless.substrate.aws.synth.AwsSynthesizer;
import io.clusterless.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.substrate.aws.synth.SynthResult;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stacks of a project with every component type (test resource projects/all-components.json): names of
 * reference §3.1, the grouped stack's resources, activities and boundaries, and their rule patterns.
 */
class ProjectStacksTest {
    static final String GROUPED = "DEV-s3-simple-resource-activity-boundary-20230101-00-us-west-2";
    private final Synthesized synthesized = Synthesized.allComponents();

    @Test
    void stacks_areTheGroupedStackAndOneStackPerArc_namedAsTheReference() {
        assertThat(synthesized.result().stacks()).extracting(SynthResult.StackReport::name).containsExactlyInAnyOrder(GROUPED,
                "DEV-s3-simple-arc-copy-a-20230101-00-us-west-2",
                "DEV-s3-simple-arc-add-partitions-20230101-00-us-west-2",
                "DEV-s3-simple-arc-convert-20230101-00-us-west-2");
    }

    @Test
    void everyStack_passesCdkNagAndHasNoCustomResource() {
        assertThat(synthesized.result().errors()).as("%s", synthesized.result().findings()).isZero();
        for (SynthResult.StackReport stack : synthesized.result().stacks()) {
            assertThat(stack.resourceCounts().keySet()).as(stack.name())
                    .noneMatch(type -> type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource"));
        }
    }

    /** The tag holds the hyphenated name as the original's does; the declared one stays in the assembly. */
    @Test
    void projectStacks_carryTheDeclaredProjectInTheAssemblyMetadata() throws Exception {
        JsonNode manifest = Json.records().readTree(synthesized.result().outdir().resolve("manifest.json").toFile());
        String file = manifest.at("/artifacts/" + GROUPED + "/additionalMetadataFile").asText();
        JsonNode metadata = Json.records().readTree(synthesized.result().outdir().resolve(file).toFile())
                .path("/" + GROUPED);
        assertThat(metadata.toString()).contains("\"type\":\"" + AwsSynthesizer.PROJECT_METADATA + "\"")
                .contains("\"name\":\"S3Simple\"").contains("\"version\":\"20230101-00\"");
    }

    @Test
    void s3Bucket_isEncryptedPrivateTagged_andExportsItsArnRef() {
        Template template = synthesized.template(GROUPED);
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "BucketName", "dev-s3-simple-123456789012-us-west-2",
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "BucketEncryption", Match.anyValue(),
                "Tags", Match.arrayWith(List.of(Map.of("Key", "cls:project:name", "Value", "s3-simple"),
                        Map.of("Key", "team", "Value", "data"))))));
        template.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of("DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of("BucketName", "dev-s3-simple-123456789012-us-west-2")))));
        template.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of("DeletionPolicy", "Delete",
                "Properties", Match.objectLike(Map.of("BucketName", "dev-s3-simple-keep-123456789012-us-west-2")))));
        assertThat(exports(GROUPED)).contains("ref:aws:arn:dev:s3-simple:20230101-00:core:s3-bucket:bucket",
                "ref:aws:arn:dev:s3-simple:20230101-00:core:s3-bucket:keep");
    }

    @Test
    void infrequentBoundary_switchesOnEventBridgeThroughTheBucketProperty() {
        // enableEventBridge is false on the bucket, true on the boundary listening to it
        synthesized.template(GROUPED).hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "BucketName", "dev-s3-simple-123456789012-us-west-2",
                "NotificationConfiguration", Match.objectLike(Map.of(
                        "EventBridgeConfiguration", Map.of("EventBridgeEnabled", true))))));
    }

    @Test
    void infrequentBoundary_ruleOnTheDefaultBus_matchesObjectsUnderItsPrefixOnly() {
        JsonNode rule = resource(GROUPED, "AWS::Events::Rule", "Name", "DEV-s3-simple-ingress-put-listener-20230101-00-us-west-2");
        assertThat(rule.path("Properties").has("EventBusName")).as("default bus").isFalse();
        JsonNode pattern = rule.path("Properties").path("EventPattern");
        String bucket = "dev-s3-simple-123456789012-us-west-2";

        assertThat(EventRuler.matches(pattern, EventRuler.s3ObjectCreated(bucket, "ingress/2023/a.csv"))).isTrue();
        assertThat(EventRuler.matches(pattern, EventRuler.s3ObjectCreated(bucket, "copy-a/2023/a.csv"))).isFalse();
        assertThat(EventRuler.matches(pattern, EventRuler.s3ObjectCreated("other-bucket", "ingress/a.csv"))).isFalse();
        assertThat(rule.path("Properties").path("Targets").get(0).path("RetryPolicy").path("MaximumRetryAttempts").asInt())
                .isEqualTo(3);
    }

    @Test
    void boundaryFunction_isJava21Arm64SnapStart_namedAsTheReference_withItsPropsAndLogGroup() {
        String name = "DEV-s3-simple-ingress-put-listener-int-20230101-00-us-west-2";
        Template template = synthesized.template(GROUPED);
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", name,
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "MemorySize", 1024,
                "Timeout", 900,
                "Handler", "io.clusterless.runtime.boundary.InfrequentBoundaryHandler",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "Environment", Map.of("Variables", Map.of("CLS_S3_PUT_BOUNDARY_PROPS_JSON", Match.stringLikeRegexp(
                        ".*\"manifestBucket\":\"dev-clusterless-manifest-123456789012-us-west-2\".*"))))));
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/aws/lambda/" + name,
                "RetentionInDays", 30));
        // the rule invokes the published version, so SnapStart applies
        JsonNode target = resource(GROUPED, "AWS::Events::Rule", "Name",
                "DEV-s3-simple-ingress-put-listener-20230101-00-us-west-2").path("Properties").path("Targets").get(0);
        assertThat(target.path("Arn").path("Ref").asText()).contains("CurrentVersion");
    }

    @Test
    void boundaryRole_readsTheListenedPrefix_writesItsManifests_putsOnTheArcBus() {
        String policies = policies(GROUPED, "IngressPutListener");
        assertThat(policies).contains(":s3:::dev-s3-simple-123456789012-us-west-2/ingress/*")
                .contains(":s3:::dev-clusterless-manifest-123456789012-us-west-2/datasets/name=ingress/version=20230101/*")
                .contains(":event-bus/DEV-arc-events-us-west-2")
                .doesNotContain("\"Resource\":\"*\"");
    }

    @Test
    void frequentBoundary_queueGetsTheBucketsNotifications_andAScheduleDrainsIt() {
        Template template = synthesized.template(GROUPED);
        template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                "QueueName", "DEV-s3-simple-frequent-listener-20230101-00",
                "MessageRetentionPeriod", 345600)));
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "BucketName", "dev-s3-simple-keep-123456789012-us-west-2",
                "NotificationConfiguration", Match.objectLike(Map.of("QueueConfigurations", List.of(Match.objectLike(Map.of(
                        "Event", "s3:ObjectCreated:*",
                        "Filter", Map.of("S3Key", Map.of("Rules", List.of(Map.of("Name", "prefix", "Value", "drops/"))))))))))));
        template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "Name", "DEV-s3-simple-frequent-listener-20230101-00-us-west-2",
                "ScheduleExpression", "cron(0/15 * * * ? *)")));
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "DEV-s3-simple-frequent-listener-int-20230101-00-us-west-2",
                "Handler", "io.clusterless.runtime.boundary.FrequentBoundaryHandler")));
    }

    @Test
    void eventBus_glueDatabaseAndTable_computeEnvironment_areNamedAndExported() {
        Template template = synthesized.template(GROUPED);
        template.hasResourceProperties("AWS::Events::EventBus", Map.of("Name", "devAudit"));
        template.hasResourceProperties("AWS::Glue::Database", Match.objectLike(Map.of(
                "DatabaseInput", Map.of("Name", "dev_simple"))));
        template.hasResourceProperties("AWS::Glue::Table", Match.objectLike(Map.of(
                "DatabaseName", "dev_simple",
                "TableInput", Match.objectLike(Map.of("Name", "copies", "TableType", "EXTERNAL_TABLE",
                        "PartitionKeys", List.of(Map.of("Name", "lot", "Type", "string")),
                        "StorageDescriptor", Match.objectLike(Map.of(
                                "Location", "s3://dev-s3-simple-123456789012-us-west-2/copy-a/",
                                "SerdeInfo", Match.objectLike(Map.of("SerializationLibrary",
                                        "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe")))))))));
        template.hasResourceProperties("AWS::Batch::ComputeEnvironment", Match.objectLike(Map.of(
                "ComputeEnvironmentName", "DEV-s3-simple-convert-compute-20230101-00",
                "Type", "MANAGED",
                "ComputeResources", Match.objectLike(Map.of("Type", "FARGATE", "MaxvCpus", 4096)))));
        assertThat(single(GROUPED, "AWS::Batch::ComputeEnvironment").toString())
                .contains("{\"Fn::ImportValue\":\"ref:aws:id:dev:bootstrap:1:meta:public-subnets:common-vpc\"}");
        template.hasResourceProperties("AWS::EC2::SecurityGroup", Match.objectLike(Map.of(
                "VpcId", Map.of("Fn::ImportValue", "ref:aws:id:dev:bootstrap:1:meta:vpc:common-vpc"))));
        assertThat(exports(GROUPED)).contains(
                "ref:aws:arn:dev:s3-simple:20230101-00:core:event-bus:audit",
                "ref:aws:name:dev:s3-simple:20230101-00:core:event-bus:audit",
                "ref:aws:arn:dev:s3-simple:20230101-00:core:glue-database:database",
                "ref:aws:arn:dev:s3-simple:20230101-00:core:glue-table:table",
                "ref:aws:arn:dev:s3-simple:20230101-00:core:compute-environment:compute");
    }

    @Test
    void cloudWatchExport_runsOnItsInterval_andTheBucketLetsCloudWatchLogsWrite() {
        Template template = synthesized.template(GROUPED);
        template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "Name", "DEV-s3-simple-api-logs-20230101-00-us-west-2",
                "ScheduleExpression", "cron(0/10 * * * ? *)")));
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "DEV-s3-simple-api-logs-act-20230101-00-us-west-2",
                "Environment", Map.of("Variables", Map.of("CLS_CLOUD_WATCH_EXPORT_ACTIVITY_PROPS_JSON",
                        Match.stringLikeRegexp(".*s3://dev-s3-simple-123456789012-us-west-2/logs/api/.*"))))));
        assertThat(policies(GROUPED, "apiLogs")).contains("logs:CreateExportTask").contains(":log-group:/aws/lambda/api");
        String bucketPolicies = synthesized.json(GROUPED).path("Resources").toString();
        assertThat(bucketPolicies).contains("logs.amazonaws.com").contains("s3:GetBucketAcl");
    }

    private JsonNode single(String stack, String type) {
        return synthesized.single(stack, type);
    }

    private List<String> exports(String stack) {
        List<String> names = new ArrayList<>();
        synthesized.json(stack).path("Outputs").forEach(o -> names.add(o.path("Export").path("Name").asText()));
        return names;
    }

    private JsonNode resource(String stack, String type, String property, String value) {
        for (JsonNode resource : synthesized.json(stack).path("Resources")) {
            if (resource.path("Type").asText().equals(type)
                    && resource.path("Properties").path(property).asText().equals(value)) {
                return resource;
            }
        }
        throw new AssertionError("no " + type + " with " + property + "=" + value + " in " + stack);
    }

    /** The IAM policies whose logical id mentions {@code component}, as one JSON text. */
    String policies(String stack, String component) {
        StringBuilder text = new StringBuilder();
        synthesized.json(stack).path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals("AWS::IAM::Policy")
                    && entry.getKey().toLowerCase().contains(component.toLowerCase())) {
                text.append(entry.getValue().toString());
            }
        });
        assertThat(text).as("policies of " + component).isNotEmpty();
        return text.toString();
    }
}

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

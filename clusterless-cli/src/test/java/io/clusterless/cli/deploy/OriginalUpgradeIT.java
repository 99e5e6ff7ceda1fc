package io.clusterless.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.BootstraplessSynthesizer;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.constructs.Construct;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.clusterless.cli.deploy.MotoEndToEnd.JSON;
import static io.clusterless.cli.deploy.MotoEndToEnd.REGION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading in place (issue 20, ADR-0016): stacks shaped as the original's construct tree builds them are created on
 * a moto_server of the test's own, with data in their buckets and a dataset recorded in the original's shape; then
 * {@code bin/cls bootstrap} and {@code cls deploy} of the same placement and project update them. Their buckets
 * keep their logical and physical ids and their objects, and CloudFormation reports no replacement.
 * <p>
 * The original-shaped stacks are built here with CDK from the original's naming rules (construct paths written out
 * below, see OriginalLogicalIdsTest), without its custom resources (moto cannot run their Lambda functions), and
 * created with CloudFormation directly, as the original's deploy would have left them. Glue databases and tables
 * are left to OriginalLogicalIdsTest: moto's CloudFormation does not create them.
 * Skips with a notice where moto_server is absent, unless {@code CLS_REQUIRE_MOTO=true} (CI).
 */
class OriginalUpgradeIT {
    private static final String ACCOUNT = "123456789012";
    private static final String BOOTSTRAP_STACK = "UPG-clusterless-bootstrap";
    private static final String METADATA = "upg-clusterless-metadata-123456789012-us-west-2";
    private static final List<String> STORES = List.of(METADATA, "upg-clusterless-arc-state-123456789012-us-west-2",
            "upg-clusterless-manifest-123456789012-us-west-2");
    private static final String PROJECT_BUCKET = "upg-http-logs-123456789012-us-west-2";
    /** HTTPLogs: the original splits every capital of an acronym. */
    private static final String GROUPED_STACK = "UPG-h-t-t-p-logs-resource-activity-boundary-20240101-00-us-west-2";

    private static MotoEndToEnd moto;
    private static Path work;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoEndToEnd.start("the upgrade end-to-end test", "upgrade-e2e-");
        work = moto.work();
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void bootstrapAndDeployOverTheOriginalsStacks_updateTheirBucketsInPlace_andReadItsDatasetRecord() throws Exception {
        // GIVEN the original's bootstrap and grouped project stack, with data and its dataset record
        Path templates = originalTemplates();
        createStack(BOOTSTRAP_STACK, templates.resolve("ClusterlessBootstrapStack.template.json"));
        createStack(GROUPED_STACK, templates.resolve("ResourceActivityBoundary.template.json"));
        Map<String, String> bootstrapBuckets = buckets(BOOTSTRAP_STACK);
        Map<String, String> projectBuckets = buckets(GROUPED_STACK);
        assertThat(bootstrapBuckets.values()).containsExactlyInAnyOrderElementsOf(STORES);
        assertThat(projectBuckets.values()).containsExactly(PROJECT_BUCKET);
        put(METADATA, "keep/original.txt", "kept");
        put(PROJECT_BUCKET, "logs/2024/original.txt", "kept");
        put(METADATA, "datasets/name=http-raw/version=20240101/dataset.json", """
                {"owner": {"name": "HTTPLogs", "version": "20240101-00"},
                 "dataset": {"name": "http-raw", "version": "20240101",
                             "pathURI": "s3://upg-http-logs-123456789012-us-west-2/logs/", "publish": true}}""");

        // WHEN cls bootstraps the same placement THEN the stores are updated, not created anew
        Run bootstrap = cls(List.of("bootstrap", "--account", ACCOUNT, "--region", REGION, "--stage", "upg",
                "--approve"));
        assertThat(bootstrap.exit()).as(bootstrap.toString()).isEqualTo(0);
        assertThat(status(BOOTSTRAP_STACK)).isEqualTo("UPDATE_COMPLETE");
        assertThat(buckets(BOOTSTRAP_STACK)).containsAllEntriesOf(bootstrapBuckets);
        moto.assertNoReplacement(BOOTSTRAP_STACK, bootstrapBuckets.keySet(), "bucket");
        assertThat(object(METADATA, "keep/original.txt")).isEqualTo("kept");

        // a project reading the dataset the original recorded: its owner's path is found (no NullPointerException)
        Run diff = cls(List.of("diff", "-p", resource("reader.json").toString()));
        assertThat(diff.exit()).as(diff.toString()).isEqualTo(0);
        assertThat(diff.err()).doesNotContain("NullPointerException").doesNotContain("Exception");

        // WHEN cls deploys the project THEN its bucket is updated in place, data and all
        Run deploy = cls(List.of("deploy", "-p", resource("http-logs.json").toString(), "--approve"));
        assertThat(deploy.exit()).as(deploy.toString()).isEqualTo(0);
        assertThat(status(GROUPED_STACK)).isEqualTo("UPDATE_COMPLETE");
        assertThat(buckets(GROUPED_STACK)).containsAllEntriesOf(projectBuckets);
        moto.assertNoReplacement(GROUPED_STACK, projectBuckets.keySet(), "bucket");
        assertThat(object(PROJECT_BUCKET, "logs/2024/original.txt")).isEqualTo("kept");
        // the original's arcs import the stores by its export names: ours are the same (read from the deployed
        // templates: moto's export list does not follow stack updates)
        assertThat(exports(BOOTSTRAP_STACK, GROUPED_STACK)).contains("ref:aws:name:upg:bootstrap:1:meta:arcState:store",
                "ref:aws:name:upg:bootstrap:1:meta:manifest:store",
                "ref:aws:name:upg:bootstrap:1:meta:event-bus:arc-event-bus",
                "ref:aws:id:upg:bootstrap:1:meta:vpc:common-vpc",
                "ref:aws:arn:upg:h-t-t-p-logs:20240101-00:core:s3-bucket:logs");
    }

    /** The original's stacks for placement upg and project HTTPLogs, by its construct paths. */
    private static Path originalTemplates() {
        Path outdir = work.resolve("original.out");
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        Environment environment = Environment.builder().account(ACCOUNT).region(REGION).build();

        Stack bootstrap = new Stack(app, "ClusterlessBootstrapStack", StackProps.builder().env(environment)
                .stackName(BOOTSTRAP_STACK).synthesizer(new BootstraplessSynthesizer()).build());
        EventBus.Builder.create(bootstrap, "ArcEventBus").eventBusName("UPG-arc-events-us-west-2").build();
        String[][] stores = {{METADATA, "Metadata"}, {STORES.get(1), "ArcState"}, {STORES.get(2), "Manifest"}};
        for (String[] store : stores) {
            // the original names each store bucket construct after the bucket
            Bucket bucket = bucket(bootstrap, store[0], store[0], RemovalPolicy.DESTROY, true);
            output(bootstrap, "meta" + store[1] + "store", "Name", "ref:aws:name:upg:bootstrap:1:meta:"
                    + lowerCamel(store[1]) + ":store", store[0]);
            output(bootstrap, "meta" + store[1] + "store", "Arn", "ref:aws:arn:upg:bootstrap:1:meta:"
                    + lowerCamel(store[1]) + ":store", bucket.getBucketArn());
        }
        output(bootstrap, "metaEventBusarc-event-bus", "Name",
                "ref:aws:name:upg:bootstrap:1:meta:event-bus:arc-event-bus", "UPG-arc-events-us-west-2");

        Stack grouped = new Stack(app, "ResourceActivityBoundary", StackProps.builder().env(environment)
                .stackName(GROUPED_STACK).synthesizer(new BootstraplessSynthesizer()).build());
        // S3BucketResource + the bucket name in upper camel case, for the resource construct and the bucket in it
        String id = "S3BucketResourceUpgHttpLogs123456789012UsWest2";
        Bucket logs = bucket(new Construct(grouped, id), id, PROJECT_BUCKET, RemovalPolicy.RETAIN, true);
        output(grouped, "coreS3Bucketlogs", "Arn", "ref:aws:arn:upg:h-t-t-p-logs:20240101-00:core:s3-bucket:logs",
                logs.getBucketArn());
        app.synth();
        return outdir;
    }

    private static Bucket bucket(Construct scope, String id, String name, RemovalPolicy removal, boolean versioned) {
        return Bucket.Builder.create(scope, id).bucketName(name).versioned(versioned)
                .encryption(BucketEncryption.S3_MANAGED).enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL).removalPolicy(removal).build();
    }

    private static void output(Stack stack, String label, String qualifier, String exportName, String value) {
        CfnOutput.Builder.create(new Construct(stack, "Output" + label + qualifier), label).exportName(exportName)
                .value(value).build();
    }

    private static String lowerCamel(String upper) {
        return Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
    }

    private static Path resource(String name) {
        return Path.of("src/test/resources/deploy/original", name).toAbsolutePath();
    }

    private static void createStack(String name, Path template) throws Exception {
        moto.createStack(name, template);
    }

    private static String status(String stack) throws Exception {
        return moto.status(stack);
    }

    /** Logical id → physical id of the stack's buckets. */
    private static Map<String, String> buckets(String stack) throws Exception {
        Map<String, String> buckets = new TreeMap<>();
        for (JsonNode resource : aws("cloudformation", "describe-stack-resources", "--stack-name", stack)
                .path("StackResources")) {
            if (resource.path("ResourceType").asText().equals("AWS::S3::Bucket")) {
                buckets.put(resource.path("LogicalResourceId").asText(),
                        resource.path("PhysicalResourceId").asText());
            }
        }
        return buckets;
    }

    /** The export names of the stacks' deployed templates. */
    private static List<String> exports(String... stacks) throws Exception {
        List<String> names = new ArrayList<>();
        for (String stack : stacks) {
            JsonNode body = aws("cloudformation", "get-template", "--stack-name", stack).path("TemplateBody");
            JsonNode template = body.isTextual() ? JSON.readTree(body.asText()) : body;
            template.path("Outputs").forEach(output -> names.add(output.at("/Export/Name").asText()));
        }
        return names;
    }

    private static void put(String bucket, String key, String body) throws Exception {
        Path file = Files.createTempFile(work, "put", ".txt");
        Files.writeString(file, body);
        aws("s3api", "put-object", "--bucket", bucket, "--key", key, "--body", file.toString());
    }

    private static String object(String bucket, String key) throws Exception {
        return moto.object(bucket, key);
    }

    // ---- processes ---------------------------------------------------------------------------------------------

    private static Run cls(List<String> args) throws Exception {
        return moto.run(moto.cls(args), "cls");
    }

    private static JsonNode aws(String... args) throws Exception {
        return moto.aws(args);
    }
}

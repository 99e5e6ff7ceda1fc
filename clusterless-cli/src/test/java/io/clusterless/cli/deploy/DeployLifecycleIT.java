package io.clusterless.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsSettings;
import io.clusterless.substrate.aws.ops.EventBridgeRules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.clusterless.cli.deploy.MotoEndToEnd.JSON;
import static io.clusterless.cli.deploy.MotoEndToEnd.REGION;
import static io.clusterless.cli.deploy.MotoEndToEnd.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deploy lifecycle end to end, as a user runs it: {@code bin/cls} (the built jar, the real pinned CDK CLI,
 * installed on first use into {@code target/cls-cache}) against a moto_server of its own on a free loopback port.
 * After every step the CloudFormation stacks and the metadata objects are read back with the {@code aws} CLI, rule
 * states with EventBridge DescribeRule.
 * Skips with a notice where moto_server is absent, unless {@code CLS_REQUIRE_MOTO=true} (CI).
 */
class DeployLifecycleIT {
    private static final Path PROJECT = Path.of("src/test/resources/deploy/two-arcs.json").toAbsolutePath();
    private static final Path DOWNSTREAM = Path.of("src/test/resources/deploy/downstream.json").toAbsolutePath();
    private static final String DOWNSTREAM_STACK = "E2E-deploy-downstream-arc-copy-c-20240101-00-us-west-2";
    private static final String ACCOUNT = "123456789012";
    private static final String METADATA = "e2e-clusterless-metadata-123456789012-us-west-2";
    private static final String BOOTSTRAP_STACK = "E2E-clusterless-bootstrap";
    private static final List<String> PROJECT_STACKS = List.of(
            "E2E-deploy-check-resource-activity-boundary-20240101-00-us-west-2",
            "E2E-deploy-check-arc-copy-a-20240101-00-us-west-2",
            "E2E-deploy-check-arc-copy-b-20240101-00-us-west-2");
    private static final String COPY_B_FUNCTION = "E2E-deploy-check-copy-b-func-20240101-00-us-west-2";
    private static final String COPY_A_STACK = "E2E-deploy-check-arc-copy-a-20240101-00-us-west-2";
    private static final String ARC_BUS = "E2E-arc-events-us-west-2";
    private static final String FUNCTION_STACK = "E2E-fn-python-arc-reformat-20230101-00-us-west-2";
    private static final String USER_FUNCTION = "E2E-fn-python-reformat-func-20230101-00-us-west-2";
    private static final String COPY_A_RULE = "E2E-deploy-check-copy-a-20240101-00-rule";
    private static final String COPY_B_RULE = "E2E-deploy-check-copy-b-20240101-00-rule";
    private static final String INGRESS_RULE = "E2E-deploy-check-ingress-20240101-00-us-west-2";
    private static final String COPY_A_HISTORY = "listeners/project=DeployCheck/version=20240101-00/component=copyA/";

    private static MotoEndToEnd moto;
    private static String endpoint;
    private static Path work;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoEndToEnd.start("the deploy end-to-end test", "deploy-e2e-");
        endpoint = moto.endpoint();
        work = moto.work();
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void bootstrapDeployReportDiffDisableUpdateEnableDestroy_leaveStacksAndMetadataAsEachStepPromises() throws Exception {
        List<String> placement = List.of("--account", ACCOUNT, "--region", REGION, "--stage", "e2e");
        List<String> project = List.of("-p", PROJECT.toString(), "-D", "aws.lambda.snapStart=false");

        // GIVEN nothing; WHEN deploying first THEN cls refuses and names the bootstrap command
        Run refused = cls(concat(List.of("deploy"), project, List.of("--approve")));
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("must bootstrap account: 123456789012, region: us-west-2, stage: e2e")
                .contains("cls bootstrap --account 123456789012 --region us-west-2 --stage e2e --endpoint-url "
                        + endpoint + " --approve");

        // without a terminal and without --approve, cdk is never started
        Run unapproved = cls(concat(List.of("bootstrap"), placement));
        assertThat(unapproved.exit()).as(unapproved.toString()).isEqualTo(1);
        assertThat(unapproved.err()).contains("needs --approve");
        assertThat(stacks()).doesNotContain(BOOTSTRAP_STACK);

        Run bootstrap = cls(concat(List.of("bootstrap"), placement, List.of("--approve", "--output", "json")));
        assertThat(bootstrap.exit()).as(bootstrap.toString()).isEqualTo(0);
        assertThat(stacks()).contains("CDKToolkit", BOOTSTRAP_STACK);
        // a CI step reads one document from standard output: the stack made, the metadata written
        JsonNode bootstrapped = JSON.readTree(bootstrap.out());
        assertThat(bootstrapped.at("/stacks/0/name").asText()).isEqualTo(BOOTSTRAP_STACK);
        assertThat(bootstrapped.at("/stacks/0/change").asText()).isEqualTo("create");
        assertThat(bootstrapped.at("/stacks/0/after").asText()).isEqualTo("CREATE_COMPLETE");
        assertThat(bootstrapped.path("metadataWritten")).extracting(JsonNode::asText)
                .containsExactly("s3://" + METADATA + "/metadata.json");
        JsonNode meta = JSON.readTree(object(METADATA, "metadata.json"));
        assertThat(meta.at("/exports/metadata/name").asText()).isEqualTo(METADATA);
        assertThat(meta.at("/exports/metadata/nameRef").asText())
                .isEqualTo("ref:aws:name:e2e:bootstrap:1:meta:metadata:store");
        assertThat(meta.at("/exports/event-bus/name").asText()).isEqualTo("E2E-arc-events-us-west-2");

        // the way users said they deploy: the project file as an argument (cls deploy project.json), no terminal,
        // and against an emulator without -D aws.lambda.snapStart=false: cls leaves SnapStart out and says so
        Run deploy = cls(List.of("deploy", PROJECT.toString(), "--approve", "--output", "json"));
        assertThat(deploy.exit()).as(deploy.toString()).isEqualTo(0);
        assertThat(deploy.err()).contains("cls: --endpoint-url: functions without SnapStart");
        assertThat(stacks()).containsAll(PROJECT_STACKS);
        JsonNode deployed = JSON.readTree(deploy.out());
        assertThat(deployed.path("exitCode").asInt()).isZero();
        assertThat(deployed.path("stacksChanged").asInt()).isEqualTo(PROJECT_STACKS.size());
        deployed.path("stacks").forEach(stack -> {
            assertThat(stack.path("change").asText()).as(stack.toString()).isEqualTo("create");
            assertThat(stack.path("after").asText()).as(stack.toString()).isEqualTo("CREATE_COMPLETE");
        });
        assertThat(deployed.at("/deployRecords/0/state").asText()).isEqualTo("deployed");
        assertThat(deployed.at("/deployRecords/0/uri").asText())
                .isEqualTo("s3://" + METADATA + "/deploys/name=DeployCheck/version=20240101-00/deploy.json");
        assertThat(deployed.path("metadataWritten")).hasSize(7);
        assertThat(deployed.at("/timings/cdkMillis").asLong()).isPositive();
        // what is deployed, as a script reads it: the deploy record and each stack's status
        Run shown = cls(List.of("show", "project", "DeployCheck", "--output", "json"));
        assertThat(shown.exit()).as(shown.toString()).isEqualTo(0);
        JsonNode shownProject = JSON.readTree(shown.out()).get(0);
        assertThat(shownProject.path("state").asText()).isEqualTo("deployed");
        assertThat(shownProject.path("stacks")).hasSize(PROJECT_STACKS.size()).allSatisfy(stack -> {
            assertThat(stack.path("status").asText()).isEqualTo("CREATE_COMPLETE");
            assertThat(stack.path("templateCurrent").asBoolean()).as(stack.toString()).isTrue();
        });
        assertThat(keys(METADATA)).containsExactlyInAnyOrder("metadata.json",
                "projects/name=DeployCheck/version=20240101-00/project.json",
                "arcs/project=DeployCheck/version=20240101-00/arc=copyA/arc.json",
                "arcs/project=DeployCheck/version=20240101-00/arc=copyB/arc.json",
                "datasets/name=check-ingress/version=20240101/dataset.json",
                "datasets/name=check-a/version=20240101/dataset.json",
                "datasets/name=check-b/version=20240101/dataset.json",
                "materials/name=DeployCheck/version=20240101-00/materials.json",
                "deploys/name=DeployCheck/version=20240101-00/deploy.json");
        assertThat(JSON.readTree(object(METADATA, "materials/name=DeployCheck/version=20240101-00/materials.json")))
                .hasSize(6);
        // ADR-0009: the deploy record, written before cdk started, says how it ended
        assertThat(JSON.readTree(object(METADATA, "deploys/name=DeployCheck/version=20240101-00/deploy.json"))
                .path("state").asText()).isEqualTo("deployed");

        Run projects = cls(List.of("projects", "--output", "json"));
        assertThat(JSON.readTree(projects.out())).isEqualTo(JSON.readTree("""
                [{"placement": {"provider": "aws", "stage": "e2e", "account": "123456789012", "region": "us-west-2"},
                  "project": {"name": "DeployCheck", "version": "20240101-00"}}]"""));
        Run arcs = cls(List.of("arcs", "--output", "csv", "--project", "DeployCheck:20240101-00"));
        assertThat(arcs.out().strip().split("\n")).containsExactly(
                "placement.provider,placement.stage,placement.account,placement.region,project.name,"
                        + "project.version,name",
                "aws,e2e,123456789012,us-west-2,DeployCheck,20240101-00,copyA",
                "aws,e2e,123456789012,us-west-2,DeployCheck,20240101-00,copyB");
        Run datasets = cls(List.of("datasets", "--output", "json", "--stage", "e2e"));
        List<String> names = new ArrayList<>();
        for (JsonNode row : JSON.readTree(datasets.out())) {
            assertThat(row.at("/placement/account").asText()).isEqualTo(ACCOUNT);
            names.add(row.at("/dataset/name").asText() + "/" + row.at("/dataset/version").asText());
        }
        assertThat(names).containsExactlyInAnyOrder("check-ingress/20240101", "check-a/20240101",
                "check-b/20240101");

        // another project's arc reads check-b: deployed alone, its owner is found in the metadata bucket and the
        // arc may read the owner's objects; a source nobody deployed is refused before cdk runs
        Run downstream = cls(List.of("deploy", "-p", DOWNSTREAM.toString(), "-D", "aws.lambda.snapStart=false",
                "--approve"));
        assertThat(downstream.exit()).as(downstream.toString()).isEqualTo(0);
        assertThat(stacks()).contains(DOWNSTREAM_STACK);
        assertThat(aws("cloudformation", "get-template", "--stack-name", DOWNSTREAM_STACK).toString())
                .contains("e2e-cls-deploy-check-123456789012-us-west-2/copy-b/*");
        Path orphan = work.resolve("orphan.json");
        Files.writeString(orphan, Files.readString(DOWNSTREAM).replace("\"check-b\"", "\"nowhere\"")
                .replace("DeployDownstream", "DeployOrphan"));
        Run refusedOrphan = cls(List.of("deploy", "-p", orphan.toString(), "--approve"));
        assertThat(refusedOrphan.exit()).as(refusedOrphan.toString()).isEqualTo(1);
        assertThat(refusedOrphan.err()).contains("arc 'copyC' reads dataset nowhere/20240101, which no given file "
                + "owns and no deployed project recorded");
        Run destroyDownstream = cls(List.of("destroy", "-p", DOWNSTREAM.toString(), "--approve"));
        assertThat(destroyDownstream.exit()).as(destroyDownstream.toString()).isEqualTo(0);
        assertThat(stacks()).doesNotContain(DOWNSTREAM_STACK);

        // issue 15: the Python function example deploys, its code a zipped folder asset, and is destroyed again
        Path functionProject = functionExample();
        Run function = cls(List.of("deploy", "-p", functionProject.toString(), "-D", "aws.lambda.snapStart=false",
                "--approve"));
        assertThat(function.exit()).as(function.toString()).isEqualTo(0);
        assertThat(stacks()).contains(FUNCTION_STACK);
        JsonNode configuration = aws("lambda", "get-function-configuration", "--function-name", USER_FUNCTION);
        assertThat(configuration.path("Runtime").asText()).isEqualTo("python3.12");
        assertThat(configuration.path("Handler").asText()).isEqualTo("reformat.handler");
        assertThat(configuration.at("/Environment/Variables/TIME_FIELD").asText()).isEqualTo("time");
        Run destroyFunction = cls(List.of("destroy", "-p", functionProject.toString(), "--approve"));
        assertThat(destroyFunction.exit()).as(destroyFunction.toString()).isEqualTo(0);
        assertThat(stacks()).doesNotContain(FUNCTION_STACK);

        // a CI gate: diff --fail exits 0 without differences, 1 with them (below)
        Run diff = cls(concat(List.of("diff"), project, List.of("--fail", "--output", "json")));
        assertThat(diff.exit()).as(diff.toString()).isEqualTo(0);
        assertThat(diff.err()).contains("Number of stacks with differences: 0");
        assertThat(JSON.readTree(diff.out()).path("stacksChanged").asInt()).isZero();

        // ADR-0004: cls disable switches copyA's rule off at once and records it in the metadata bucket
        EventBridgeRules rules = new EventBridgeRules(clients());
        assertThat(rules.state(COPY_A_RULE, ARC_BUS)).hasValue("ENABLED");
        Run disable = cls(List.of("disable", "-p", PROJECT.toString(), "--arc", "copyA", "--reason", "e2e"));
        assertThat(disable.exit()).as(disable.toString()).isEqualTo(0);
        assertThat(rules.state(COPY_A_RULE, ARC_BUS)).hasValue("DISABLED");
        Run disabledArc = cls(List.of("show", "arc", "copyA", "--output", "json"));
        assertThat(disabledArc.exit()).as(disabledArc.toString()).isEqualTo(0);
        assertThat(JSON.readTree(disabledArc.out()).at("/0/listener/enabled").asBoolean()).isFalse();
        assertThat(JSON.readTree(disabledArc.out()).at("/0/listener/reason").asText()).isEqualTo("e2e");
        // diff synthesizes as deploy would, with the recorded state: the one change a deploy makes is copyA's State
        Run disabledDiff = cls(concat(List.of("diff"), project, List.of("--fail")));
        assertThat(disabledDiff.exit()).as(disabledDiff.toString()).isEqualTo(1);
        assertThat(disabledDiff.out() + disabledDiff.err()).contains("Number of stacks with differences: 1")
                .contains(COPY_A_STACK).contains("DISABLED");
        // someone switches the rule on behind the record's back (console): the next deploy restores the record
        rules.setEnabled(COPY_A_RULE, ARC_BUS, true);

        assertThat(memory(COPY_B_FUNCTION)).isEqualTo(1024);
        Path changed = work.resolve("two-arcs.json");
        Files.writeString(changed, Files.readString(PROJECT).replace("\"memorySizeMB\": 1024",
                "\"memorySizeMB\": 1536"));
        List<String> changedProject = List.of("-p", changed.toString(), "-D", "aws.lambda.snapStart=false");
        Run update = cls(concat(List.of("deploy"), changedProject, List.of("--approve")));
        assertThat(update.exit()).as(update.toString()).isEqualTo(0);
        assertThat(update.err()).contains("DeployCheck/20240101-00: copyA disabled (cls disable)");
        assertThat(memory(COPY_B_FUNCTION)).isEqualTo(1536);
        assertThat(ruleTemplateState(COPY_A_STACK)).isEqualTo("DISABLED");
        assertThat(rules.state(COPY_A_RULE, ARC_BUS)).hasValue("DISABLED");
        assertThat(rules.state(COPY_B_RULE, ARC_BUS)).hasValue("ENABLED");
        assertThat(rules.state(INGRESS_RULE, null)).hasValue("ENABLED");
        Run disabledDeployedDiff = cls(concat(List.of("diff"), changedProject));
        assertThat(disabledDeployedDiff.exit()).as(disabledDeployedDiff.toString()).isEqualTo(0);
        assertThat(disabledDeployedDiff.out() + disabledDeployedDiff.err())
                .contains("Number of stacks with differences: 0");

        // enabled again, and the next deploy's template says so too
        Run enable = cls(List.of("enable", "-p", changed.toString(), "--arc", "copyA"));
        assertThat(enable.exit()).as(enable.toString()).isEqualTo(0);
        assertThat(rules.state(COPY_A_RULE, ARC_BUS)).hasValue("ENABLED");
        Run enabledDeploy = cls(concat(List.of("deploy"), changedProject, List.of("--approve")));
        assertThat(enabledDeploy.exit()).as(enabledDeploy.toString()).isEqualTo(0);
        assertThat(enabledDeploy.err()).doesNotContain("disabled (cls disable)");
        assertThat(ruleTemplateState(COPY_A_STACK)).isEqualTo("ENABLED");
        assertThat(rules.state(COPY_A_RULE, ARC_BUS)).hasValue("ENABLED");

        Run destroy = cls(concat(List.of("destroy"), project, List.of("--approve", "--output", "json")));
        assertThat(destroy.exit()).as(destroy.toString()).isEqualTo(0);
        JsonNode destroyed = JSON.readTree(destroy.out());
        destroyed.path("stacks").forEach(stack -> {
            assertThat(stack.path("change").asText()).as(stack.toString()).isEqualTo("delete");
            assertThat(stack.path("after").asText()).as(stack.toString()).isIn("ABSENT", "DELETE_COMPLETE");
        });
        assertThat(destroyed.path("metadataRemoved")).hasSize(6);
        assertThat(destroyed.at("/deployRecords/0/state").asText()).isEqualTo("destroyed");
        assertThat(stacks()).doesNotContainAnyElementsOf(PROJECT_STACKS).contains(BOOTSTRAP_STACK);
        // the listener history is no deploy record: it outlives the project's stacks (ADR-0004)
        // the deploy records stay, saying who destroyed the projects and when (ADR-0009)
        assertThat(keys(METADATA)).filteredOn(key -> !key.startsWith(COPY_A_HISTORY))
                .containsExactlyInAnyOrder("metadata.json", "deploys/name=DeployCheck/version=20240101-00/deploy.json",
                        "deploys/name=DeployDownstream/version=20240101-00/deploy.json",
                        "deploys/name=FnPython/version=20230101-00/deploy.json");
        assertThat(JSON.readTree(object(METADATA, "deploys/name=DeployCheck/version=20240101-00/deploy.json"))
                .path("state").asText()).isEqualTo("destroyed");
        assertThat(keys(METADATA)).filteredOn(key -> key.startsWith(COPY_A_HISTORY)).hasSize(2);

        // moto's CloudFormation deletes the VPC before detaching its gateway: the first attempt fails, --retry's
        // second finds the stack gone
        Run unbootstrap = cls(concat(List.of("bootstrap"), placement, List.of("--destroy", "--approve", "--retry")));
        assertThat(unbootstrap.exit()).as(unbootstrap.toString()).isEqualTo(0);
        assertThat(stacks()).doesNotContain(BOOTSTRAP_STACK);
        assertThat(buckets()).doesNotContain(METADATA);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Run cls(List<String> args) throws Exception {
        return moto.run(moto.cls(args), "cls");
    }

    /** examples/function-python in this placement's stage, with its function folder beside it. */
    private static Path functionExample() throws Exception {
        Path example = ROOT.resolve("examples/function-python");
        Path dir = Files.createDirectories(work.resolve("function-python/functions/reformat"));
        Files.copy(example.resolve("functions/reformat/reformat.py"), dir.resolve("reformat.py"));
        Path file = work.resolve("function-python/project.json");
        Files.writeString(file, Files.readString(example.resolve("project.json"))
                .replace("\"stage\": \"dev\"", "\"stage\": \"e2e\"").replace("dev-cls-fn-python", "e2e-cls-fn-python"));
        return file;
    }

    private static JsonNode aws(String... args) throws Exception {
        return moto.aws(args);
    }

    private static TreeSet<String> stacks() throws Exception {
        return moto.stacks();
    }

    private static List<String> keys(String bucket) throws Exception {
        return moto.keys(bucket);
    }

    private static List<String> buckets() throws Exception {
        return moto.buckets();
    }

    private static String object(String bucket, String key) throws Exception {
        return moto.object(bucket, key);
    }

    /** The State of the only AWS::Events::Rule of a deployed stack's template. */
    private static String ruleTemplateState(String stack) throws Exception {
        JsonNode body = aws("cloudformation", "get-template", "--stack-name", stack).path("TemplateBody");
        JsonNode template = body.isTextual() ? JSON.readTree(body.asText()) : body;
        List<String> states = new ArrayList<>();
        template.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::Events::Rule")) {
                states.add(resource.path("Properties").path("State").asText());
            }
        });
        assertThat(states).as("rules of " + stack).hasSize(1);
        return states.get(0);
    }

    private static AwsClients clients() {
        return new AwsClients(AwsSettings.of(Map.of("AWS_ENDPOINT_URL", endpoint, "AWS_REGION", REGION,
                "CLS_S3_PATH_STYLE", "true")),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    }

    private static int memory(String function) throws Exception {
        return aws("lambda", "get-function-configuration", "--function-name", function).path("MemorySize").asInt();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}

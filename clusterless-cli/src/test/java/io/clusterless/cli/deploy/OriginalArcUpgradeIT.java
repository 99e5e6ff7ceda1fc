package io.clusterless.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.BootstraplessSynthesizer;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.clusterless.cli.deploy.MotoEndToEnd.REGION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading arc stacks and boundaries in place (issue 20, ADR-0016): on a moto_server of the test's own, after
 * {@code cls bootstrap}, stacks shaped as the original's construct tree builds them are created with their
 * fixed-name functions, log groups, rules and state machine; {@code cls deploy} of the same project then updates
 * every one of them under its logical id, none created anew beside it. A stack as an earlier cls deployed it, with
 * a function under that cls's logical id, stops the deploy before cdk runs, with one line saying what to do.
 * <p>
 * The original's stacks are built with CDK from its naming rules (paths written out below, see
 * OriginalLogicalIdsTest); its functions run Python stand-in code, which moto stores without running. Their log
 * groups keep 30 days and carry the project tags, as ours do, because moto cannot update a log group (it drops one
 * whose properties change from the stack); the original kept a day.
 * Skips with a notice where moto_server is absent, unless {@code CLS_REQUIRE_MOTO=true} (CI).
 */
class OriginalArcUpgradeIT {
    private static final String ACCOUNT = "123456789012";
    private static final String BUCKET = "old-web-logs-123456789012-us-west-2";
    private static final String GROUPED_STACK = "OLD-web-logs-resource-activity-boundary-20240101-00-us-west-2";
    private static final String ARC_STACK = "OLD-web-logs-arc-copy-raw-20240101-00-us-west-2";
    private static final String EARLIER_ARC_STACK = "OLD-early-logs-arc-copy-early-20240101-00-us-west-2";
    /** The resource types that carry a fixed physical name in these stacks. */
    private static final Set<String> NAMED = Set.of("AWS::Lambda::Function", "AWS::Logs::LogGroup",
            "AWS::Events::Rule", "AWS::StepFunctions::StateMachine", "AWS::S3::Bucket");

    private static MotoEndToEnd moto;
    private static Path work;

    @BeforeAll
    static void startMotoAndBootstrap() throws Exception {
        moto = MotoEndToEnd.start("the arc upgrade end-to-end test", "arc-upgrade-e2e-");
        work = moto.work();
        Run bootstrap = cls(List.of("bootstrap", "--account", ACCOUNT, "--region", REGION, "--stage", "old",
                "--approve"));
        assertThat(bootstrap.exit()).as(bootstrap.toString()).isEqualTo(0);
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void deployOverTheOriginalsArcAndBoundaryStacks_updatesTheirNamedResourcesInPlace() throws Exception {
        // GIVEN the original's grouped stack (bucket, boundary) and arc stack of WebLogs
        Path templates = originalTemplates();
        createStack(GROUPED_STACK, templates.resolve("ResourceActivityBoundary.template.json"));
        createStack(ARC_STACK, templates.resolve("ArcCopyRaw.template.json"));
        Map<String, String> grouped = named(GROUPED_STACK);
        Map<String, String> arc = named(ARC_STACK);
        assertThat(arc).hasSize(9).containsValue("OLD-web-logs-copy-raw-start-20240101-00-us-west-2");
        assertThat(grouped).hasSize(4).containsValue("OLD-web-logs-raw-int-20240101-00-us-west-2");

        // WHEN cls deploys the same project
        Run deploy = cls(List.of("deploy", "-p", resource("web-logs.json").toString(), "--approve"));

        // THEN every named resource is updated under its logical id: same physical resource, nothing made anew
        assertThat(deploy.exit()).as(deploy.toString()).isEqualTo(0);
        for (Map.Entry<String, Map<String, String>> stack : Map.of(GROUPED_STACK, grouped, ARC_STACK, arc).entrySet()) {
            assertThat(status(stack.getKey())).isEqualTo("UPDATE_COMPLETE");
            assertThat(named(stack.getKey())).as(stack.getKey()).containsAllEntriesOf(stack.getValue());
            moto.assertNoReplacement(stack.getKey(), stack.getValue().keySet(), "named resource");
        }
        // moto records no resource events; that the gate now runs our handler shows it was updated, not left alone
        JsonNode start = aws("lambda", "get-function", "--function-name",
                "OLD-web-logs-copy-raw-start-20240101-00-us-west-2").path("Configuration");
        assertThat(start.path("Runtime").asText()).isEqualTo("java21");
        assertThat(start.path("Handler").asText()).startsWith("io.clusterless.runtime.");
    }

    @Test
    void deployOverAnArcStackOfAnEarlierCls_stopsBeforeCdk_sayingWhatToDo() throws Exception {
        // GIVEN an arc stack as cls deployed it before ADR-0016: the start gate's function at StartGate/Function
        App app = new App(AppProps.builder().outdir(work.resolve("earlier.out").toString()).build());
        Stack earlier = stack(app, "Earlier", EARLIER_ARC_STACK);
        Function.Builder.create(new Construct(earlier, "StartGate"), "Function")
                .functionName("OLD-early-logs-copy-early-start-20240101-00-us-west-2")
                .runtime(Runtime.PYTHON_3_12).handler("index.handler").code(Code.fromInline(STAND_IN)).build();
        app.synth();
        createStack(EARLIER_ARC_STACK, work.resolve("earlier.out/Earlier.template.json"));

        // WHEN cls deploys that project
        Run deploy = cls(List.of("deploy", "-p", resource("early-logs.json").toString(), "--approve"));

        // THEN it stops before changing anything, naming the stack, the function, both ids and the way out
        assertThat(deploy.exit()).as(deploy.toString()).isNotEqualTo(0);
        assertThat(deploy.err()).contains("stack " + EARLIER_ARC_STACK + ": AWS::Lambda::Function "
                        + "'OLD-early-logs-copy-early-start-20240101-00-us-west-2' is deployed as StartGateFunction")
                .contains("destroy the stack first").doesNotContain("Exception");
        assertThat(status(EARLIER_ARC_STACK)).isEqualTo("CREATE_COMPLETE");
    }

    private static final String STAND_IN = "def handler(event, context):\n    return event\n";

    /** The original's stacks of project WebLogs on placement old, by its construct paths. */
    private static Path originalTemplates() {
        Path outdir = work.resolve("original.out");
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        Tags.of(app).add("cls:project:name", "web-logs");
        Tags.of(app).add("cls:project:stage", "OLD");
        Tags.of(app).add("cls:project:version", "20240101-00");

        Stack grouped = stack(app, "ResourceActivityBoundary", GROUPED_STACK);
        // S3BucketResource + the bucket name in upper camel case, for the resource construct and the bucket in it
        String bucketId = "S3BucketResourceOldWebLogs123456789012UsWest2";
        Bucket.Builder.create(new Construct(grouped, bucketId), bucketId).bucketName(BUCKET)
                .removalPolicy(RemovalPolicy.RETAIN).build();
        // S3PutListenerBoundary + Infrequent + the boundary's name; its function <Name>Int and rule ListenerEvent
        Construct boundary = new Construct(grouped, "S3PutListenerBoundaryInfrequentRaw");
        Function transform = function(boundary, "RawInt", "OLD-web-logs-raw-int-20240101-00-us-west-2");
        Rule.Builder.create(boundary, "ListenerEvent").ruleName("OLD-web-logs-raw-20240101-00-us-west-2")
                .eventPattern(EventPattern.builder().source(List.of("aws.s3")).build())
                .targets(List.of(new LambdaFunction(transform))).build();

        Stack arc = stack(app, "ArcCopyRaw", ARC_STACK);
        // the gates are fragments Start and Complete on the stack, the workload's function Func/<Arc>Func
        function(new Construct(arc, "Start"), "StartFunction", "OLD-web-logs-copy-raw-start-20240101-00-us-west-2");
        function(new Construct(arc, "Complete"), "CompleteFunction",
                "OLD-web-logs-copy-raw-complete-20240101-00-us-west-2");
        function(new Construct(arc, "Func"), "CopyRawFunc", "OLD-web-logs-copy-raw-func-20240101-00-us-west-2");
        // stage upper-cased, project and arc in upper camel case, version as written
        String base = "OLD" + "WebLogs" + "CopyRaw" + "20240101-00";
        Construct orchestration = new Construct(arc, "CopyRawOrchestration");
        LogGroup logs = LogGroup.Builder.create(orchestration, "LogGroup" + base)
                .logGroupName("/aws/vendedlogs/states/OLD-web-logs-copy-raw-20240101-00")
                .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build();
        StateMachine machine = StateMachine.Builder.create(orchestration, base)
                .stateMachineName("OLD-web-logs-copy-raw-20240101-00")
                .definitionBody(DefinitionBody.fromChainable(new Pass(orchestration, "CurrentStateChoice")))
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).build())
                .build();
        Construct listener = new Construct(arc, "CopyRawListener");
        Rule.Builder.create(listener, base + "Rule").ruleName("OLD-web-logs-copy-raw-20240101-00-rule")
                .eventBus(EventBus.fromEventBusName(listener, "EventBus", "OLD-arc-events-us-west-2"))
                .eventPattern(EventPattern.builder().source(List.of("clusterless")).build())
                .targets(List.of(new SfnStateMachine(machine))).build();
        app.synth();
        return outdir;
    }

    private static Stack stack(App app, String id, String name) {
        return new Stack(app, id, StackProps.builder()
                .env(Environment.builder().account(ACCOUNT).region(REGION).build())
                .stackName(name).synthesizer(new BootstraplessSynthesizer()).build());
    }

    /** A function at {@code <scope>/<id>} with its log group at {@code LambdaLogGroup<id>/LogGroup<id>}. */
    private static Function function(Construct scope, String id, String name) {
        Function function = Function.Builder.create(scope, id).functionName(name).runtime(Runtime.PYTHON_3_12)
                .handler("index.handler").code(Code.fromInline(STAND_IN)).build();
        LogGroup.Builder.create(new Construct(scope, "LambdaLogGroup" + id), "LogGroup" + id)
                .logGroupName("/aws/lambda/" + name).retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY).build();
        return function;
    }

    private static Path resource(String name) {
        return Path.of("src/test/resources/deploy/original", name).toAbsolutePath();
    }

    private static void createStack(String name, Path template) throws Exception {
        moto.createStack(name, template, "--capabilities", "CAPABILITY_IAM");
    }

    private static String status(String stack) throws Exception {
        return moto.status(stack);
    }

    /** Logical id → physical id of the stack's resources of a fixed name. */
    private static Map<String, String> named(String stack) throws Exception {
        Map<String, String> named = new TreeMap<>();
        for (JsonNode resource : aws("cloudformation", "describe-stack-resources", "--stack-name", stack)
                .path("StackResources")) {
            if (NAMED.contains(resource.path("ResourceType").asText())) {
                named.put(resource.path("LogicalResourceId").asText(), resource.path("PhysicalResourceId").asText());
            }
        }
        return named;
    }

    // ---- processes ---------------------------------------------------------------------------------------------

    private static Run cls(List<String> args) throws Exception {
        return moto.run(moto.cls(args), "cls");
    }

    private static JsonNode aws(String... args) throws Exception {
        return moto.aws(args);
    }
}

package io.clusterless.substrate.aws.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.engine.arc.ScheduleTick;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.EventPatterns;
import io.clusterless.model.ArcSchedule;
import io.clusterless.model.Deployable;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.naming.Label;
import io.clusterless.runtime.arc.ArcStartHandler;
import io.clusterless.substrate.aws.component.ArcWorkloadConstruct;
import io.clusterless.substrate.aws.construct.ArcContext;
import io.clusterless.substrate.aws.construct.DeadLetters;
import io.clusterless.substrate.aws.construct.EventPatternJson;
import io.clusterless.substrate.aws.construct.BridgeValues;
import io.clusterless.substrate.aws.jsii.SynthModule;
import io.clusterless.substrate.aws.construct.HandlerFunction;
import io.clusterless.substrate.aws.construct.LogGroups;
import io.clusterless.substrate.aws.construct.OriginalIds;
import io.clusterless.substrate.aws.construct.ProjectScope;
import io.clusterless.substrate.aws.construct.Stacks;
import io.clusterless.substrate.aws.iam.Access;
import io.clusterless.substrate.aws.nag.Nag;
import io.clusterless.substrate.aws.wire.WireValues;
import io.clusterless.uri.ArcStateURI;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleProps;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineProps;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One arc's stack (reference §3.7): its start and complete gates, its workload, the STANDARD state machine that runs
 * them per lot, and the listener rule on the arc bus that starts it for every lot of a subscribed source.
 * <p>
 * The fixed-name resources sit at the original's construct paths ({@link OriginalIds}, ADR-0016), so a deploy over
 * an arc stack the original deployed updates them in place instead of creating a second one of the same name.
 */
public final class ArcStack extends Stack {
    /** The gates are small and quick: they move one state object and read a few manifests. */
    private static final LambdaRuntimeProps GATE_RUNTIME =
            new LambdaRuntimeProps(512, 3, 5, io.clusterless.model.Architecture.ARM_64);
    private static final String STATE_PROPS_VARIABLE = "CLS_ARC_STATE_PROPS_JSON";

    private final StateMachine stateMachine;

    public ArcStack(Construct scope, ProjectScope project, ArcPlan plan, ArcWorkloadConstruct workload) {
        super(scope, plan.stackName(), Stacks.props(project.placementPlan().placement(), plan.stackName(),
                "clusterless arc " + plan.name() + " of " + project.plan().deployable().getProject().id()));
        project.building(this);
        Map<String, String> gateEnvironment = Map.of(STATE_PROPS_VARIABLE, plan.gateProps().toJson());
        Optional<ArcSchedule> schedule = plan.schedule();
        Map<String, String> startEnvironment = new LinkedHashMap<>(gateEnvironment);
        schedule.ifPresent(s -> startEnvironment.put(ScheduleTick.LOT_UNIT_VARIABLE, s.lotUnit().displayName()));
        HandlerFunction start = gate(project, plan, "Start", plan.startFunction(), plan.startHandler(),
                startEnvironment);
        schedule.ifPresent(s -> recordsScheduleFloor(project, plan, start));
        if (plan.gateProps().coversLots()) {
            writesCoveredManifests(project, plan, start);
        }
        HandlerFunction complete = gate(project, plan, "Complete", plan.completeFunction(),
                plan.completeHandler(), gateEnvironment);
        Access.putEvents(complete.policy(), project.placementPlan().placement().arcEventBus());

        ArcContext context = new ArcContext(this, project, plan);
        List<TaskStateBase> tasks = workload.tasks(context);
        stateMachine = stateMachine(project, plan, start, complete, tasks, context);

        DeadLetters deadLetters = new DeadLetters(this, "DeadLetters", project.names().arcDeadLetterQueue(plan.name()));
        if (schedule.isPresent()) {
            schedule(project, plan, schedule.get(), deadLetters);
            return;
        }
        Construct listener = new Construct(this, Label.upperCamel(plan.name()) + "Listener");
        // the imported bus stays node's object (mapped to Java, it would cost jsii a round trip more)
        JsonNode eventBus = WireValues.callStatic("aws-cdk-lib.aws_events.EventBus", "fromEventBusName", this,
                "ArcEventBus", project.importEventBusName());
        RuleProps props = RuleProps.builder()
                .ruleName(plan.ruleName())
                .description("lots of the sources of arc " + plan.name())
                .enabled(project.listenerEnabled(plan.name()))
                .eventPattern(EventPatternJson.of(plan.listenerPattern()))
                .targets(List.of(deadLetters.start(stateMachine)))
                .build();
        new Rule(listener, arcBase(project, plan) + "Rule", new WireRuleProps(WireValues.struct(
                "aws-cdk-lib.aws_events.RuleProps", Map.of(), props, Map.of("eventBus", eventBus))));
        lateTicks(project, plan, deadLetters);
    }

    /**
     * A roll-up with {@code lateAfter} (ADR-0012): a schedule rule on the default bus fires once per lot interval, at
     * its start, and starts the state machine with {@code {"detail": {"lateTick": <firing time>}}}; the start gate
     * looks at the lot whose deadline last passed. Undeliverable ticks are dead-lettered like the listener's events.
     */
    private void lateTicks(ProjectScope project, ArcPlan plan, DeadLetters deadLetters) {
        ArcGateProps.RollUp rollUp = plan.gateProps().rollUp();
        if (rollUp == null || rollUp.lateAfter() == null) {
            return;
        }
        Rule.Builder.create(this, "LateTicks")
                .ruleName(project.names().arcLateTickRule(plan.name()))
                .description("late ticks of roll-up arc " + plan.name() + " (lateAfter " + rollUp.lateAfter() + ")")
                .enabled(project.listenerEnabled(plan.name()))
                .schedule(Schedule.expression(EventPatterns.cron(rollUp.lotUnit())))
                .targets(List.of(deadLetters.start(stateMachine, RuleTargetInput.fromObject(Map.of("detail",
                        Map.of(ArcStartHandler.LATE_TICK, EventField.getTime()))))))
                .build();
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }

    /**
     * A scheduled arc's rule (ADR-0013): a schedule rule on the default bus (where EventBridge schedules live) under
     * the name its listener rule would have, so {@code cls disable}/{@code enable} and deploys switch it as they
     * switch listeners (ADR-0004). Each tick starts the state machine with {@code {"detail": {"tick": <time>}}}; the
     * start gate runs the lot that ended by then. Undeliverable ticks go to the stack's dead-letter queue.
     */
    private void schedule(ProjectScope project, ArcPlan plan, ArcSchedule schedule, DeadLetters deadLetters) {
        Rule.Builder.create(this, "Schedule")
                .ruleName(plan.ruleName())
                .description("ticks of schedule " + schedule.expression().text() + " of arc " + plan.name())
                .enabled(project.listenerEnabled(plan.name()))
                .schedule(Schedule.expression(schedule.expression().awsExpression()))
                .targets(List.of(deadLetters.start(stateMachine, RuleTargetInput.fromObject(Map.of("detail",
                                Map.of(ScheduleTick.FIELD, EventField.getTime()))))))
                .build();
    }

    /** The start gate proposes the schedule's floor on a tick: a create-if-absent of one key, read before. */
    private static void recordsScheduleFloor(ProjectScope project, ArcPlan plan, HandlerFunction start) {
        String bucket = project.placementPlan().placement().arcStateBucket();
        String key = plan.gateProps().arcStateURI().scheduleSinceKey();
        Access.readCreate(start.policy(), bucket, key);
    }

    /**
     * A roll-up's start gate writes each run's covered-manifests document (ADR-0012), create-if-absent (which reads
     * back a key it finds), under the arc's own prefix of the manifest bucket.
     */
    private static void writesCoveredManifests(ProjectScope project, ArcPlan plan, HandlerFunction start) {
        String bucket = project.placementPlan().placement().manifestBucket();
        String prefix = plan.gateProps().arcStateURI().coveredManifestsKeyPath();
        Access.readCreate(start.policy(), bucket, prefix);
    }

    /** The original's {@code <Stage><Project><Arc><version>} of this arc (ADR-0016). */
    private static String arcBase(ProjectScope project, ArcPlan plan) {
        Deployable deployable = project.plan().deployable();
        return OriginalIds.arcBase(deployable.getPlacement().getStage(), deployable.getProject().getName(),
                plan.name(), deployable.getProject().getVersion());
    }

    /**
     * A gate reads and moves the arc's state objects and reads (start) or checks (complete) its manifests. It is
     * {@code <id>/<id>Function}, as the original's.
     */
    private HandlerFunction gate(ProjectScope project, ArcPlan plan, String id, String name, String handler,
                                 Map<String, String> environment) {
        HandlerFunction gate = HandlerFunction.inOriginalLayout(new Construct(this, id), id + "Function",
                new HandlerFunction.Spec(name, handler, GATE_RUNTIME, environment,
                        "clusterless arc " + plan.name() + " " + id + "Gate"), project);
        String arcStateBucket = project.placementPlan().placement().arcStateBucket();
        ArcStateURI arcState = plan.gateProps().arcStateURI();
        Access.readWrite(gate.policy(), arcStateBucket, arcState.keyPath());
        // the end records of arc attempts (ADR-0003), which the gates write beside the state objects' tree
        Access.readWrite(gate.policy(), arcStateBucket, arcState.attemptsKeyPath());
        String manifests = project.placementPlan().placement().manifestBucket();
        plan.model().getSources().values().forEach(source ->
                Access.read(gate.policy(), manifests, Access.manifestPrefix(source)));
        plan.model().getSinks().values().forEach(sink ->
                Access.readWrite(gate.policy(), manifests, Access.manifestPrefix(sink)));
        Access.allowObjectWildcards(gate.policy());
        return gate;
    }

    private StateMachine stateMachine(ProjectScope project, ArcPlan plan, HandlerFunction start,
                                      HandlerFunction complete, List<TaskStateBase> tasks, ArcContext context) {
        // the states, the state machine and its log group, in the original's <Arc>Orchestration
        Construct orchestration = new Construct(this, Label.upperCamel(plan.name()) + "Orchestration");
        String base = arcBase(project, plan);
        Pass current = Pass.Builder.create(orchestration, "CurrentStateChoice")
                .comment("the ArcNotifyEvent in the EventBridge event")
                .outputPath("$.detail")
                .build();
        LambdaInvoke startInvoke = gateTask("StartInvoke", start);
        LambdaInvoke completeInvoke = gateTask("CompleteInvoke", complete);

        Choice stateComplete = Choice.Builder.create(orchestration, "StateComplete").build();
        choose(orchestration, stateComplete, List.of(
                List.of(BridgeValues.condition("error and partial", () -> BridgeValues.and(hasError(),
                        state("$.currentState", "partial"))), fail("PartialWithError")),
                List.of(BridgeValues.condition("error and missing", () -> BridgeValues.and(hasError(),
                        state("$.currentState", "missing"))), fail("MissingWithError")),
                List.of(hasError(), fail("UnknownError")),
                List.of(state("$.currentState", "partial"), succeed("Partial")),
                List.of(state("$.currentState", "missing"), succeed("Missing")),
                List.of(state("$.currentState", "complete"), succeed("Complete"))),
                fail("UnknownComplete"));
        // state.next(x) links the same transitions as Chain.start(state).next(x), with one Chain object fewer on
        // node's side; the chains stay node's objects (WireValues): mapped to Java, each would cost a round trip more
        JsonNode completion = WireValues.call(completeInvoke, "next", stateComplete);

        JsonNode workload = completion;
        for (int i = tasks.size() - 1; i >= 0; i--) {
            TaskStateBase task = tasks.get(i);
            Pass caught = Pass.Builder.create(orchestration, context.taskId(task) + "Catch")
                    .comment("the workload failed; the complete gate records the lot as partial or missing")
                    .build();
            WireValues.call(caught, "next", completeInvoke);
            task.addCatch(caught, CatchProps.builder().errors(List.of("States.ALL")).resultPath("$.workloadError").build());
            workload = WireValues.call(task, "next", workload);
        }

        Choice stateStart = Choice.Builder.create(orchestration, "StateStart").build();
        choose(orchestration, stateStart, List.of(
                // a join's lot whose other sources have not arrived (ADR-0011): the last source's event starts it
                List.of(BridgeValues.isPresent("$.waitingFor"), succeed("WaitingForSources")),
                List.of(state("$.previousState", "running"), succeed("AlreadyRunning")),
                List.of(BridgeValues.condition("complete or missing", () -> BridgeValues.or(
                        state("$.currentState", "complete"), state("$.currentState", "missing"))),
                        succeed("AlreadyComplete")),
                List.of(state("$.currentState", "running"), workload)),
                fail("UnknownStart"));

        String name = plan.stateMachineName();
        LogGroup logs = LogGroups.create(orchestration, OriginalIds.logGroup(base), project.names().stateMachineLogGroup(name),
                project.logRetentionDays());
        JsonNode definition = WireValues.callStatic("aws-cdk-lib.aws_stepfunctions.DefinitionBody", "fromChainable",
                WireValues.call(WireValues.call(current, "next", startInvoke), "next", stateStart));
        StateMachineProps props = StateMachineProps.builder()
                .stateMachineName(name)
                .stateMachineType(StateMachineType.STANDARD)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(true).build())
                .tracingEnabled(true)
                .build();
        StateMachine machine = new StateMachine(orchestration, base, new WireStateMachineProps(WireValues.struct(
                "aws-cdk-lib.aws_stepfunctions.StateMachineProps", Map.of(), props, Map.of("definitionBody",
                        definition))));
        Nag.suppressWildcards(machine, "CloudWatch Logs delivery and X-Ray actions support no resource-level "
                + "permissions; Lambda invoke on a function's ':*' covers its published versions only; Step "
                + "Functions submits Batch jobs by definition revision, which changes with every deploy.",
                "/^Resource::\\*$/g", "/^Resource::<.+\\.Arn>:\\*$/g",
                "/^Resource::arn:<AWS::Partition>:batch:[^:]+:[^:]+:job-definition\\/\\*$/g");
        return machine;
    }

    private LambdaInvoke gateTask(String id, HandlerFunction gate) {
        return LambdaInvoke.Builder.create(this, id)
                .lambdaFunction(gate.target())
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(true)
                .build();
    }

    /** A string field equal to {@code value}; a null or absent field is simply not equal (no runtime error). */
    private static JsonNode state(String path, String value) {
        return BridgeValues.stringIs(path, value);
    }

    private static JsonNode hasError() {
        return BridgeValues.isPresent("$.workloadError.Error");
    }

    /**
     * {@code choice.when(condition, next)} for each {@code [condition, next]} of {@code branches} (conditions are
     * node's objects, BridgeValues), then {@code choice.otherwise(otherwise)}, in one round trip (cls's own jsii
     * module, ADR 17); a {@link #succeed} or {@link #fail} next is made in {@code scope} when its turn comes.
     */
    private static void choose(Construct scope, Choice choice, List<List<Object>> branches, Object otherwise) {
        SynthModule.call("Sfn", "choice", scope, choice, branches, otherwise);
    }

    /** A Succeed state of {@code id} without properties, as {@link #choose} makes it. */
    private static Map<String, String> succeed(String id) {
        return Map.of("succeed", id);
    }

    /** A Fail state of {@code id} without properties, as {@link #choose} makes it. */
    private static Map<String, String> fail(String id) {
        return Map.of("fail", id);
    }

    /** Rule props jsii sends as {@code wire}; Java's getters answer nothing. */
    private record WireRuleProps(ObjectNode wire) implements RuleProps {
        @Override
        public JsonNode $jsii$toJson() {
            return wire;
        }
    }

    /** State machine props jsii sends as {@code wire}; Java's getters answer nothing. */
    private record WireStateMachineProps(ObjectNode wire) implements StateMachineProps {
        @Override
        public JsonNode $jsii$toJson() {
            return wire;
        }
    }
}

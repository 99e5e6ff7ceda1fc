package io.clusterless.substrate.aws.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.arc.ArcStateEntry;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.arc.ScheduleTick;
import io.clusterless.engine.metadata.PlacementReader;
import io.clusterless.engine.metadata.StackStates;
import io.clusterless.engine.ops.ExecOutcome;
import io.clusterless.engine.ops.ExecRequest;
import io.clusterless.engine.ops.ListenerRules;
import io.clusterless.engine.ops.MetadataBuckets;
import io.clusterless.engine.ops.OperationException;
import io.clusterless.engine.ops.SubstrateOperations;
import io.clusterless.engine.status.DeadLetters;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.arc.ArcStartHandler;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsJsonException;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.substrate.aws.connection.AwsConnection;
import io.clusterless.substrate.aws.connection.AwsFailures;
import io.clusterless.substrate.aws.deploys.CloudFormationStacks;
import io.clusterless.substrate.aws.deploys.DeployIntents;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The operations on placements deployed to AWS: S3 for the stores, EventBridge for listener rules, SQS for dead
 * letters, Step Functions for exec and CloudFormation for unfinished deploys, all through one connection.
 */
public final class AwsOperations implements SubstrateOperations {
    private final AwsConnection connection;
    private final Map<String, String> environment;
    /** Opened by the first {@link #stackStates()}, closed with these operations. */
    private CloudFormationStacks stacks;

    /** @param environment the environment the connection's defaults are read from (AWS_REGION, AWS_PROFILE…) */
    public AwsOperations(AwsConnection connection, Map<String, String> environment) {
        this.connection = connection;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String provider() {
        return PlacementNames.PROVIDER;
    }

    /** SDK clients for a region (the placement's, where neither --region nor the environment gives one). */
    public AwsClients clients(String region) {
        return connection.clients(environment, region);
    }

    @Override
    public ObjectStore store(String region) {
        return new S3ObjectStore(clients(region).s3());
    }

    @Override
    public MetadataBuckets metadataBuckets() {
        AwsClients clients = clients(null);
        List<String> buckets;
        try {
            buckets = clients.s3().listBuckets().buckets().stream().map(b -> b.name()).sorted().toList();
        } catch (SdkException e) {
            throw new OperationException(AwsFailures.describe(e, connection.endpointUrl())
                    .orElse("cannot list the S3 buckets of the account: " + e.getMessage()));
        }
        List<MetadataBuckets.Found> found = new ArrayList<>();
        for (String bucket : buckets) {
            PlacementReader.placementOf(bucket).ifPresent(p -> found.add(new MetadataBuckets.Found(p, bucket)));
        }
        return new MetadataBuckets(new S3ObjectStore(clients.s3()), List.copyOf(found),
                "among the buckets the account lists");
    }

    /** The bootstrap command for the placement, with the connection options given. */
    @Override
    public String placementHint(String account, String stage) {
        String region = connection.region();
        return "cls bootstrap --account " + (account == null ? "ACCOUNT" : account) + " --region "
                + (region == null ? "REGION" : region)
                + (stage == null || stage.isEmpty() ? "" : " --stage " + stage)
                + connection.hintArguments() + " --approve to make one";
    }

    @Override
    public String projectHint() {
        return "cls deploy PROJECT_FILE";
    }

    @Override
    public void reconcileDeploys(List<PlacementNames> placements, ObjectStore store, Consumer<String> note) {
        DeployIntents.reconcile(placements, store, this::clients, note);
    }

    @Override
    public Optional<StackStates> stackStates() {
        if (stacks == null) {
            stacks = new CloudFormationStacks(this::clients);
        }
        CloudFormationStacks opened = stacks;
        return Optional.of((region, stackName) -> {
            try {
                return opened.describe(region, stackName);
            } catch (SdkException e) {
                // no permission, an emulator without the call: a report still stands without this stack's state
                return Optional.of(StackStates.StackState.unreadable(e.getMessage()));
            }
        });
    }

    @Override
    public void close() {
        if (stacks != null) {
            stacks.close();
        }
    }

    @Override
    public ListenerRules listenerRules(PlacementNames placement) {
        EventBridgeRules rules = new EventBridgeRules(clients(placement.region()));
        return (ruleName, busName, enabled) -> {
            rules.setEnabled(ruleName, busName, enabled);
            return ruleName + " " + rules.state(ruleName, busName).orElse("absent");
        };
    }

    @Override
    public DeadLetters deadLetters(PlacementNames placement) {
        return new SqsDeadLetters(clients(placement.region()));
    }

    /**
     * Starts an execution of the arc's state machine per lot, at most {@code maxConcurrent} running; an execution
     * of the same name (the same attempt of a lot) is started once. The roll-up lots downstream of a replay are
     * {@code reopened}: the replays' announcements start them once the replays have run, which exec does not wait
     * for (a replay may run for hours).
     */
    @Override
    public List<ExecOutcome> exec(ExecRequest request) throws InterruptedException {
        PlacementNames placement = request.plan().placement();
        // read before anything is reopened or run: the runs that completed them
        List<ExecOutcome> rollUps = request.rollUps().stream().map(rollUp -> ExecOutcome.reopened(rollUp,
                lateRestart(request, rollUp))).toList();
        StepFunctionsExecutions executions = new StepFunctionsExecutions(clients(placement.region()));
        List<ExecOutcome> outcomes = new ArrayList<>();
        List<String> running = new ArrayList<>();
        for (ExecRequest.Lot one : request.lots()) {
            while (running.size() >= request.maxConcurrent()) {
                running.removeIf(arn -> !"RUNNING".equals(executions.status(arn)));
                if (running.size() >= request.maxConcurrent()) {
                    Thread.sleep(2000); // Step Functions has no wait call; executions of an arc take seconds
                }
            }
            String arn = executions.stateMachineArn(placement.account(), one.arc().stateMachineName());
            boolean reopened = request.reopener().reopen(one);
            String name = executionName(request, one);
            try {
                // a roll-up's late lot starts as its late tick would, a scheduled arc's lot as the tick at its end
                String execution = executions.start(arn, name, one.lot().lateTick() != null
                        ? lateTick(one.lot().lateTick()) : one.arc().schedule().isPresent()
                        ? tickEnvelope(LotId.parse(one.lot().lot())) : envelope(one.lot().event()));
                running.add(execution);
                outcomes.add(new ExecOutcome(one.project(), one.lot().lot(), "started", execution));
            } catch (AwsJsonException e) {
                if (!"ExecutionAlreadyExists".equals(e.code())) {
                    String arc = one.arc().name();
                    throw new OperationException("arc " + arc + " lot " + one.lot().lot() + ": cannot start an "
                            + "execution of " + arn + ": " + e.getMessage() + (reopened
                            ? "; the lot was reopened for replay and is now missing: cls exec --arc " + arc
                            + " --lot " + one.lot().lot() + " runs it" : ""));
                }
                outcomes.add(new ExecOutcome(one.project(), one.lot().lot(), "alreadyStarted", name));
            }
        }
        outcomes.addAll(rollUps);
        return outcomes;
    }

    /**
     * What to do about a reopened roll-up lot whose last run started late (ADR-0012), null for one that did not:
     * no announcement starts a lot late and its late tick has passed, so while covered lots are still missing it
     * waits until exec starts it as a late tick would.
     */
    private static String lateRestart(ExecRequest request, ExecRequest.RollUp rollUp) {
        List<String> late = new ArcStateStore(request.store(), rollUp.arc().gateProps().arcStateURI(),
                request.clock()).lastStart(rollUp.lot()).map(ArcStateEntry::late).orElse(List.of());
        if (late.isEmpty()) {
            return null;
        }
        return "its last run started late, without " + late.size() + " covered lot(s); the replay's announcement "
                + "starts it only once they are all there, so if some are still missing once the replay has run, "
                + "cls exec --arc " + rollUp.arc().name() + " --lot " + rollUp.lot() + " starts it late again";
    }

    /**
     * Unique per attempt: the arc, the lot and the time of the lot's last state transition, so running exec twice
     * over an unchanged lot names the same execution and Step Functions starts it once.
     */
    private static String executionName(ExecRequest request, ExecRequest.Lot one) {
        String attempt = new ArcStateStore(request.store(), one.arc().gateProps().arcStateURI(), request.clock())
                .lastTransition(one.lot().lot()).map(ArcStateEntry::time).map(t -> t.replaceAll("[^0-9]", ""))
                .orElse("0");
        String arcPart = one.arc().name().replaceAll("[^A-Za-z0-9_-]", "-");
        arcPart = arcPart.length() > 40 ? arcPart.substring(0, 40) : arcPart;
        String name = arcPart + "-" + one.lot().lot() + "-" + attempt;
        return name.length() > 80 ? name.substring(0, 80) : name;
    }

    /** What a scheduled arc's rule delivers (ADR-0013): the tick under {@code detail}. */
    private static ObjectNode tickEnvelope(LotId lot) {
        ObjectNode envelope = Json.records().createObjectNode();
        envelope.set("detail", ScheduleTick.of(lot).toJson());
        return envelope;
    }

    /** What a roll-up's late-tick schedule rule delivers (ADR-0012): the deadline names the lot. */
    private static ObjectNode lateTick(String deadline) {
        ObjectNode envelope = Json.records().createObjectNode();
        envelope.putObject("detail").put(ArcStartHandler.LATE_TICK, deadline);
        return envelope;
    }

    /** What the arc's listener rule delivers: an EventBridge event whose {@code detail} is the notification. */
    private static ObjectNode envelope(ArcNotifyEvent event) {
        ObjectNode envelope = Json.records().createObjectNode();
        envelope.put("version", "0");
        envelope.put("detail-type", ArcNotifyEvent.DETAIL_TYPE);
        envelope.put("source", ArcNotifyEvent.SOURCE);
        envelope.set("detail", Json.records().valueToTree(event));
        return envelope;
    }
}

package io.clusterless.substrate.aws.construct;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.model.Component;
import io.clusterless.naming.Label;
import software.amazon.awscdk.Stack;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.reference.Reference;
import io.clusterless.model.reference.ReferenceResolver;
import io.clusterless.naming.ProjectNames;
import io.clusterless.substrate.aws.wire.WireValues;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;
import software.constructs.IConstruct;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the constructs of one project file share while it is synthesized: its plan and names, the options, the
 * bootstrap exports, and the resources built so far, so later components can refer to them by name (reference §3.4).
 */
public final class ProjectScope {
    private final PlacementPlan placementPlan;
    private final ProjectPlan plan;
    private final Path baseDir;
    private final String display;
    private final ConstructOptions options;
    private final BootstrapExports exports;
    private final ReferenceResolver references;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Map<String, String> glueDatabases = new HashMap<>();
    private final Map<String, Construct> databaseConstructs = new HashMap<>();
    private final List<String> notes;
    private final Map<Bucket, List<Object>> queueNotifications = new HashMap<>();
    private final List<RolePolicy> rolePolicies = new ArrayList<>();
    /** The stack being built, and the Lambda jar's code object of that stack (see {@link #lambdaCode()}). */
    private Stack stack;
    private JsonNode lambdaCode;
    private boolean snapStartAcknowledged;
    private String importedEventBusName;

    /**
     * @param baseDir the directory of the project file: relative paths in it ({@code imagePath}) resolve here
     * @param display how messages name the project file
     */
    public ProjectScope(PlacementPlan placementPlan, ProjectPlan plan, Path baseDir, String display,
                        ConstructOptions options, List<String> notes) {
        this.placementPlan = placementPlan;
        this.plan = plan;
        this.baseDir = baseDir;
        this.display = display;
        this.options = options;
        this.exports = new BootstrapExports(placementPlan.placement());
        List<Component> components = new ArrayList<>(plan.deployable().getResources());
        components.addAll(plan.deployable().getActivities());
        components.addAll(plan.deployable().getBoundaries());
        components.addAll(plan.deployable().getArcs());
        this.references = new ReferenceResolver(ComponentRegistry.defaultRegistry(), components);
        this.notes = notes;
    }

    public PlacementPlan placementPlan() {
        return placementPlan;
    }

    public ProjectPlan plan() {
        return plan;
    }

    public ProjectNames names() {
        return plan.names();
    }

    /** The directory of the project file, where its relative paths resolve. */
    public Path baseDir() {
        return baseDir;
    }

    /** How messages name the project file. */
    public String display() {
        return display;
    }

    /** How long the project's log groups keep events: the placement's {@code logRetentionDays}, validated. */
    public int logRetentionDays() {
        return plan.deployable().getPlacement().logRetentionDays();
    }

    public ConstructOptions options() {
        return options;
    }

    public BootstrapExports exports() {
        return exports;
    }

    /**
     * The bootstrap's event bus name as imported ({@code Fn::ImportValue}), one token for all the project's stacks:
     * an import is no reference to another stack's resource, so the token renders the same in each of them, and
     * each new one would be a round trip to node.
     */
    public String importEventBusName() {
        if (importedEventBusName == null) {
            importedEventBusName = exports.importEventBusName();
        }
        return importedEventBusName;
    }

    /** A warning for the user: synth went on, but something needs their attention. */
    public void note(String note) {
        notes.add(display + ": " + note);
    }

    /** The export name of a component's ref: {@code ref:aws:<qualifier>:<stage>:<project>:<version>:<ns>:<type>:<name>}. */
    public String exportRef(String qualifier, Component component) {
        String[] type = component.getType().split(":");
        return names().exportRef(qualifier, type[1], type[2], component.getName());
    }

    /**
     * Exports a resource's ref where the original's stack has that export ({@link OriginalIds#export}), so a deploy
     * over the original's stack keeps its outputs.
     *
     * @param resource a construct of the resource, in the stack that exports it
     */
    public void exportAsTheOriginal(Construct resource, String qualifier, Component component, String value) {
        String[] type = component.getType().split(":");
        OriginalIds.export(Stack.of(resource), type[1], Label.of(type[2]).hyphenated(),
                Label.of(component.getName()).hyphenated(), qualifier, exportRef(qualifier, component), value);
    }

    public void export(Construct scope, String id, String exportName, String value) {
        CfnOutput.Builder.create(scope, id).exportName(exportName).value(value).build();
    }

    /** Component tags, unless {@code --exclude-all-tags}. */
    public void tag(IConstruct construct, Map<String, String> tags) {
        if (!options.excludeAllTags() && tags != null && !tags.isEmpty()) {
            JsonNode of = TagsAndAnnotations.tags(construct); // one Tags.of for all of them: each is a round trip
            tags.forEach((key, value) -> TagsAndAnnotations.addTag(of, key, value));
        }
    }

    /**
     * Whether the rule or schedule that feeds an arc or boundary of this project is synthesized enabled: a deploy
     * keeps the listeners a user disabled disabled (ADR-0004); offline every listener is enabled.
     */
    public boolean listenerEnabled(String component) {
        return options.listenerEnabled(plan.deployable().getProject().id(), component);
    }

    public boolean removeOnDestroy(boolean declared) {
        return declared || options.removeAllOnDestroy();
    }

    /** The stack the constructs built from now on belong to: each stack has its own code asset. */
    public void building(Stack stack) {
        this.stack = stack;
        this.lambdaCode = null;
        this.snapStartAcknowledged = false;
    }

    /** CDK's warning on every function with SnapStart: it applies to published versions only. */
    public static final String SNAP_START_WARNING = "@aws-cdk/aws-lambda:snapStartRequirePublish";
    public static final String SNAP_START_ACKNOWLEDGEMENT = "every rule and state machine invokes the published version";

    /**
     * Acknowledges {@link #SNAP_START_WARNING} for the stack being built, before its first function with SnapStart
     * (every handler function is invoked through its published version): CDK then never records the warning for
     * the stack's functions, as it removed it when each one acknowledged it, in three round trips per stack instead
     * of three per function. False when no stack is being built: the caller acknowledges on the function then.
     */
    public boolean acknowledgeSnapStartWarning() {
        if (stack == null) {
            return false;
        }
        if (!snapStartAcknowledged) {
            TagsAndAnnotations.acknowledgeWarning(stack, SNAP_START_WARNING, SNAP_START_ACKNOWLEDGEMENT);
            snapStartAcknowledged = true;
        }
        return true;
    }

    /**
     * The runtime jar as Lambda code, one object per stack: its first function binds it, the others of the stack
     * reuse that asset (same hash, same file in the assembly), which saves two round trips to node per function.
     * CDK refuses an asset bound in another stack, so a function outside the stack being built fails loudly.
     */
    public JsonNode lambdaCode() {
        if (stack == null) {
            return LambdaFunctions.assetCode(options.lambdaJar().toString());
        }
        if (lambdaCode == null) {
            lambdaCode = LambdaFunctions.assetCode(options.lambdaJar().toString());
        }
        return lambdaCode;
    }

    /** The default policy of {@code role}, collected until {@link #writeRolePolicies()} (or its hand-over). */
    public RolePolicy rolePolicy(Role role) {
        RolePolicy policy = new RolePolicy(role);
        rolePolicies.add(policy);
        return policy;
    }

    /** Writes the role policies still collecting: once every construct of the project is built. */
    public void writeRolePolicies() {
        rolePolicies.forEach(RolePolicy::write);
        rolePolicies.clear();
    }

    public void registerBucket(String bucketName, Bucket bucket) {
        buckets.put(bucketName, bucket);
    }

    /** A bucket this project's grouped stack creates, or null when it lives elsewhere. */
    public Bucket bucket(String bucketName) {
        return buckets.get(bucketName);
    }

    /**
     * Sends the bucket's ObjectCreated notifications under {@code prefix} to {@code queue}, through the
     * {@code CfnBucket} property rather than CDK's notifications custom resource. S3 checks that it may write to the
     * queue when the configuration is set, so the bucket waits for the queue policy.
     */
    public void addQueueNotification(Bucket bucket, Queue queue, String prefix) {
        List<Object> configurations = queueNotifications.computeIfAbsent(bucket, b -> new ArrayList<>());
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("Event", "s3:ObjectCreated:*");
        configuration.put("Queue", queue.getQueueArn());
        if (prefix != null && !prefix.isEmpty()) {
            configuration.put("Filter", Map.of("S3Key", Map.of("Rules", List.of(OrderedMaps.of("Name", "prefix", "Value", prefix)))));
        }
        configurations.add(configuration);
        // the nodes and the queue's policy stay node's objects (WireValues): mapped to Java, each new one would
        // cost jsii a round trip asking its package
        JsonNode bucketNode = WireValues.get(bucket, "node");
        ManagedBuckets.overrideProperty(bucketNode, "NotificationConfiguration.QueueConfigurations",
                List.copyOf(configurations));
        JsonNode policy = WireValues.call(WireValues.get(queue, "node"), "tryFindChild", "Policy");
        if (policy != null && !policy.isNull()) {
            WireValues.call(bucketNode, "addDependency", policy);
        }
    }

    public void registerDatabase(String componentName, String databaseName, Construct construct) {
        glueDatabases.put(componentName, databaseName);
        databaseConstructs.put(componentName, construct);
    }

    public Construct databaseConstruct(String componentName) {
        return databaseConstructs.get(componentName);
    }

    /**
     * The value of a reference field as deployed: a component of this project resolves to {@code local}'s answer, an
     * export ref to its imported value, an ARN to itself.
     */
    public String resolve(String owner, String field, String ref, String expectedType,
                          java.util.function.Function<Component, String> local) {
        Reference reference = reference(owner, field, ref, expectedType);
        if (reference instanceof Reference.ToComponent component) {
            return local.apply(component.component());
        }
        if (reference instanceof Reference.ToExport export) {
            return Fn.importValue(export.ref());
        }
        if (reference instanceof Reference.ToArn arn) {
            return arn.arn();
        }
        if (reference instanceof Reference.ToProjectExport export) {
            return Fn.importValue(names().exportRef("arn", export.namespace(), export.type(), export.name()));
        }
        throw new IllegalStateException("unexpected reference: " + reference);
    }

    /** A reference field resolved against this project; unresolvable ones fail synth with the reason. */
    public Reference reference(String owner, String field, String ref, String expectedType) {
        Reference reference = references.resolve(ref, expectedType);
        if (reference instanceof Reference.Unresolved unresolved) {
            throw new ConstructException(display + ": " + owner + ": " + field + " '" + ref + "' "
                    + unresolved.reason());
        }
        return reference;
    }

    public String databaseName(String componentName) {
        return glueDatabases.get(componentName);
    }
}

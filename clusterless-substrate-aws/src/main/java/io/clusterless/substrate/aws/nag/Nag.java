package io.clusterless.substrate.aws.nag;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.substrate.aws.wire.WireValues;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.ITemplateOptions;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.jsii.JsiiEngine;
import software.amazon.jsii.JsiiObjectRef;
import software.constructs.IConstruct;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * cdk-nag suppressions: each one names the rule, the construct and why the finding does not apply.
 * <p>
 * Written as the {@code cdk_nag} metadata cdk-nag's {@code NagSuppressions.addResourceSuppressions(construct, rules,
 * true)} and {@code addStackSuppressions(stack, rules)} write, and read by cdk-nag's rule packs the same way, but
 * without cdk-nag itself: its first use makes jsii unpack and load its module into node (its index requires every
 * rule pack), which only a synth that runs its checks needs.
 * <p>
 * The resources are those cdk-nag picks: for the construct, its default child when it has one (which may lie outside
 * it, as an immutable role's does) or else itself; below it, every CfnResource. cdk-nag would take a descendant's
 * default child in place of the descendant too, which differs only for a CfnResource with a child named Resource or
 * Default (none in the CDK's resources) or a descendant whose default child lies outside the construct; NagParityTest
 * synthesizes every component and example both ways and compares the templates.
 */
public final class Nag {
    public static final String IAM5 = "AwsSolutions-IAM5";
    /** Set by NagParityTest only, for its thread: writes the suppressions another way (through cdk-nag). */
    static final ThreadLocal<Writer> WRITER = new ThreadLocal<>();
    /**
     * What Nag last wrote into each resource's cdk_nag entry, which is therefore the entry: nothing else writes one
     * (SuppressionWritersTest). Keyed by the resource's jsii object id, unique in the node process of the jsii engine.
     * Saves reading the entry back from node, a round trip per resource.
     */
    private static final Map<JsiiEngine, Map<String, Map<String, Object>>> WRITTEN =
            Collections.synchronizedMap(new WeakHashMap<>());
    /**
     * Constructs whose default child, when they have one, is below them and a CfnResource, and which are no
     * CfnResource themselves: their resources are the CfnResources below them, found without asking node the default
     * child (a round trip per suppression). The CDK's own classes only (not subclasses, which may set another default
     * child); cls sets no default child anywhere (NagDefaultChildTest checks both).
     */
    static final Set<Class<?>> DEFAULT_CHILD_BELOW = Set.of(Function.class, Role.class, Queue.class,
            StateMachine.class, Bucket.class);

    interface Writer {
        void resources(IConstruct construct, List<Suppression> suppressions);

        void stack(Stack stack, List<Suppression> suppressions);
    }

    private Nag() {
    }

    /** Suppresses {@code rule} on {@code construct} and its children. */
    public static void suppress(IConstruct construct, String rule, String reason) {
        suppress(construct, List.of(Suppression.of(rule, reason)));
    }

    /**
     * Suppresses IAM5 (wildcard) findings on {@code construct} only for findings matching one of {@code regexes}
     * (cdk-nag's {@code Action::…}/{@code Resource::…} strings), so an unexpected wildcard still fails.
     */
    public static void suppressWildcards(IConstruct construct, String reason, String... regexes) {
        suppress(construct, List.of(new Suppression(IAM5, reason, List.of(regexes))));
    }

    /**
     * Adds {@code suppressions} to the resources of {@code construct} (see the class comment): two round trips to
     * node to find them (three unless it is of {@link #DEFAULT_CHILD_BELOW}), then one per resource. Node's objects
     * stay references here: mapping one to a Java object would cost jsii a round trip to ask node its module's Java
     * package.
     */
    public static void suppress(IConstruct construct, List<Suppression> suppressions) {
        Writer writer = WRITER.get();
        if (writer != null) {
            writer.resources(construct, suppressions);
            return;
        }
        Map<String, Map<String, Object>> written =
                WRITTEN.computeIfAbsent(JsiiEngine.getInstance(), engine -> Collections.synchronizedMap(new HashMap<>()));
        for (JsonNode resource : resources(construct)) {
            String id = JsiiObjectRef.parse(resource).getObjId();
            Map<String, Object> entry = SuppressionMetadata.merged(written.get(id), suppressions);
            WireValues.call(resource, "addMetadata", SuppressionMetadata.KEY, entry);
            written.put(id, entry);
        }
    }

    /**
     * Adds {@code suppressions} to every finding in {@code stack} (the template's own {@code cdk_nag} metadata), for
     * resources built after this call or by the CDK out of reach of {@link #suppress}.
     */
    public static void suppressStack(Stack stack, List<Suppression> suppressions) {
        Writer writer = WRITER.get();
        if (writer != null) {
            writer.stack(stack, suppressions);
            return;
        }
        ITemplateOptions options = stack.getTemplateOptions();
        Map<String, Object> existing = options.getMetadata();
        Map<String, Object> metadata = existing == null ? new LinkedHashMap<>() : new LinkedHashMap<>(existing);
        metadata.put(SuppressionMetadata.KEY,
                SuppressionMetadata.merged(metadata.get(SuppressionMetadata.KEY), suppressions));
        options.setMetadata(metadata);
    }

    /** The wire references of the resources of {@code construct}, each once, in cdk-nag's order. */
    private static Collection<JsonNode> resources(IConstruct construct) {
        JsonNode node = WireValues.get(construct, "node");
        JsonNode all = WireValues.call(node, "findAll"); // preorder: the construct first
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        if (!DEFAULT_CHILD_BELOW.contains(construct.getClass())) {
            JsonNode defaultChild = WireValues.get(node, "defaultChild");
            add(resources, defaultChild != null && !defaultChild.isNull() ? defaultChild : all.get(0));
        }
        for (int i = 1; i < all.size(); i++) {
            add(resources, all.get(i));
        }
        return resources.values();
    }

    private static void add(Map<String, JsonNode> resources, JsonNode candidate) {
        JsiiObjectRef ref = JsiiObjectRef.parse(candidate);
        if (isCfnResource(ref)) {
            resources.putIfAbsent(ref.getObjId(), candidate);
        }
    }

    /**
     * Whether jsii would map the object to a CfnResource: its type's Java class, looked up locally; for a type of
     * another module, jsii's own mapping (which asks node).
     */
    private static boolean isCfnResource(JsiiObjectRef ref) {
        Class<?> type = WireValues.javaClass(ref.getFqn());
        return type != null ? CfnResource.class.isAssignableFrom(type)
                : JsiiEngine.getInstance().nativeFromObjRef(ref) instanceof CfnResource;
    }
}

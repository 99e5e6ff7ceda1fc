package io.clusterless.substrate.aws.nag;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.ITemplateOptions;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;
import software.constructs.Node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * (SuppressionWritersTest), and jsii keeps one proxy per node object as long as the JVM, so the proxy stands for
     * the resource. Saves reading the entry back from node, a round trip per resource.
     */
    private static final Map<CfnResource, Map<String, Object>> WRITTEN =
            Collections.synchronizedMap(new WeakHashMap<>());

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
     * Adds {@code suppressions} to the resources of {@code construct} (see the class comment): three round trips to
     * node to find them (and one per resource new to Java, whose class jsii asks for), then one per resource.
     */
    public static void suppress(IConstruct construct, List<Suppression> suppressions) {
        Writer writer = WRITER.get();
        if (writer != null) {
            writer.resources(construct, suppressions);
            return;
        }
        for (CfnResource resource : resources(construct)) {
            Map<String, Object> entry = SuppressionMetadata.merged(WRITTEN.get(resource), suppressions);
            resource.addMetadata(SuppressionMetadata.KEY, entry);
            WRITTEN.put(resource, entry);
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

    private static List<CfnResource> resources(IConstruct construct) {
        Node node = construct.getNode();
        List<IConstruct> all = node.findAll(); // preorder: the construct first
        IConstruct defaultChild = node.getDefaultChild(); // after findAll: a child's proxy then exists already
        List<CfnResource> resources = new ArrayList<>();
        add(resources, defaultChild != null ? defaultChild : construct);
        for (IConstruct descendant : all.subList(1, all.size())) {
            add(resources, descendant);
        }
        return resources;
    }

    private static void add(List<CfnResource> resources, IConstruct candidate) {
        // jsii hands out one proxy per node object: identity is node's identity
        if (candidate instanceof CfnResource resource && resources.stream().noneMatch(r -> r == resource)) {
            resources.add(resource);
        }
    }
}

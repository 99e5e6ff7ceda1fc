package io.clusterless.substrate.aws.nag;

import io.clusterless.substrate.aws.jsii.SynthModule;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * synthesizes every component and example both ways and compares the templates. Node finds and writes them, in
 * cls's own jsii module ({@code clusterless-synth}, ADR 17): one round trip per suppression.
 */
public final class Nag {
    public static final String IAM5 = "AwsSolutions-IAM5";
    /** Set by NagParityTest only, for its thread: writes the suppressions another way (through cdk-nag). */
    static final ThreadLocal<Writer> WRITER = new ThreadLocal<>();
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
     * Adds {@code suppressions} to the resources of {@code construct} (see the class comment), in one round trip to
     * node: it finds the resources, reads each one's {@code cdk_nag} entry and writes it merged (the rules it holds
     * first, then each new rule once, two rules being the same when their JSON text is, as cdk-nag merges them).
     */
    public static void suppress(IConstruct construct, List<Suppression> suppressions) {
        Writer writer = WRITER.get();
        if (writer != null) {
            writer.resources(construct, suppressions);
            return;
        }
        node("suppress", construct, suppressions);
    }

    /**
     * Adds {@code suppressions} to every finding in {@code stack} (the template's own {@code cdk_nag} metadata), for
     * resources built after this call or by the CDK out of reach of {@link #suppress}; one round trip, as there.
     */
    public static void suppressStack(Stack stack, List<Suppression> suppressions) {
        Writer writer = WRITER.get();
        if (writer != null) {
            writer.stack(stack, suppressions);
            return;
        }
        node("suppressStack", stack, suppressions);
    }

    /**
     * Makes {@code role}'s policy {@code id} from {@code documentJson} (IAM's JSON, as text), then adds
     * {@code suppressions} to the role's resources as {@link #suppress} does: one round trip (cls's own module's
     * {@code Iam.rolePolicy}, ADR 17).
     */
    public static void rolePolicy(IConstruct role, String id, String documentJson, List<Suppression> suppressions) {
        Writer writer = WRITER.get();
        SynthModule.call("Iam", "rolePolicy", role, id, documentJson,
                rules(writer == null ? suppressions : List.of()));
        if (writer != null && !suppressions.isEmpty()) {
            writer.resources(role, suppressions);
        }
    }

    /** One step of {@link #grants}: a statement (IAM's JSON) or a run of suppressions, the other null. */
    public record Grant(Map<String, Object> statement, List<Suppression> suppressions) {
        public static Grant of(Map<String, Object> statement) {
            return new Grant(statement, null);
        }

        public static Grant suppressing(List<Suppression> suppressions) {
            return new Grant(null, List.copyOf(suppressions));
        }
    }

    /**
     * Each of {@code items} in order, on {@code role}: a statement added to its policy as {@code Role.addToPolicy}
     * adds it, a run of suppressions added as {@link #suppress} adds them (covering what the statements before made).
     * One round trip (cls's own module's {@code Iam.grants}, ADR 17); under NagParityTest's writer, the suppressions
     * go through it in their place.
     */
    public static void grants(IConstruct role, List<Grant> items) {
        Writer writer = WRITER.get();
        List<Object> batch = new ArrayList<>();
        for (Grant item : items) {
            if (item.statement() != null) {
                batch.add(Map.of("statement", item.statement()));
            } else if (writer == null) {
                batch.add(Map.of("rules", item.suppressions().stream().map(Suppression::metadata).toList()));
            } else {
                send(role, batch);
                batch.clear();
                writer.resources(role, item.suppressions());
            }
        }
        send(role, batch);
    }

    private static void send(IConstruct role, List<Object> batch) {
        if (!batch.isEmpty()) {
            SynthModule.call("Iam", "grants", role, SynthModule.json(batch));
        }
    }

    /** Calls {@code method} of cls's module's Nag (ADR 17) with {@code target} and the suppressions' rules. */
    private static void node(String method, Object target, List<Suppression> suppressions) {
        SynthModule.call("Nag", method, target, rules(suppressions));
    }

    /**
     * {@code suppressions} as the rules cdk-nag reads, as JSON text, for a call into cls's module (which parses it:
     * as a list of maps, the kernel would check and convert every value on its own).
     */
    private static String rules(List<Suppression> suppressions) {
        return SynthModule.json(suppressions.stream().map(Suppression::metadata).toList());
    }
}

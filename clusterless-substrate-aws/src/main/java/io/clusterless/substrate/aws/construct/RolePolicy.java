package io.clusterless.substrate.aws.construct;

import io.clusterless.substrate.aws.iam.Access;
import io.clusterless.substrate.aws.iam.Grantee;
import io.clusterless.substrate.aws.iam.Statement;
import io.clusterless.substrate.aws.jsii.SynthModule;
import io.clusterless.substrate.aws.nag.Nag;
import software.amazon.awscdk.services.iam.Role;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default policy of a handler function's role, collected in Java and written in one go: {@link #write()} makes
 * the role's {@code DefaultPolicy} from one policy document holding every statement, with its suppressions (one
 * round trip to node, through cls's own module),
 * where adding statements one by one costs two each (a gate's role has a dozen).
 * <p>
 * The template is the same either way: the policy sits where the role would put it ({@code <role>/DefaultPolicy},
 * same logical id and generated name), its statements in the order they were given, and the wildcard suppressions,
 * which cdk-nag merges without duplicates, are applied after it exists, as they were when the first statement made
 * the policy at once. Only the role's own {@code addToPrincipalPolicy} may make that policy afterwards, so anything
 * that lets CDK add statements (a grant, an asynchronous invoke destination) must get the role through
 * {@link #handOver()}, which adds what was collected the usual way and then passes everything through at once.
 */
public final class RolePolicy implements Grantee {
    private final Role role;
    private final List<Statement> statements = new ArrayList<>();
    private final Set<Suppression> suppressions = new LinkedHashSet<>();
    /** What was given so far, in order: statements and suppressions, for {@link #handOver()}. */
    private final List<Object> given = new ArrayList<>();
    private boolean written;

    private record Suppression(String reason, List<String> regexes) {
    }

    public RolePolicy(Role role) {
        this.role = role;
    }

    @Override
    public void allow(Statement statement) {
        if (written) {
            Access.add(role, statement.build());
            return;
        }
        statements.add(statement);
        given.add(statement);
    }

    @Override
    public void suppressWildcards(String reason, String... regexes) {
        if (written) {
            Nag.suppressWildcards(role, reason, regexes);
            return;
        }
        Suppression suppression = new Suppression(reason, List.of(regexes));
        suppressions.add(suppression);
        given.add(suppression);
    }

    /**
     * The role, its policy as complete as what was given: for CDK's grants, which add to it themselves. From now on
     * statements and suppressions go to the role when they are given.
     */
    public Role handOver() {
        if (!written) {
            written = true;
            // suppressions given one after the other are written in one go (see write()); a statement between two
            // may make the role's policy, which the second then covers as well, so each keeps its place; all of it
            // in one round trip (Nag.grants)
            List<Nag.Grant> items = new ArrayList<>();
            List<Suppression> pending = new ArrayList<>();
            for (Object item : given) {
                if (item instanceof Statement statement) {
                    if (!pending.isEmpty()) {
                        items.add(Nag.Grant.suppressing(nagSuppressions(pending)));
                        pending.clear();
                    }
                    items.add(Nag.Grant.of(statement.json()));
                } else if (item instanceof Suppression suppression) {
                    pending.add(suppression);
                }
            }
            if (!pending.isEmpty()) {
                items.add(Nag.Grant.suppressing(nagSuppressions(pending)));
            }
            Nag.grants(role, items);
            clear();
        }
        return role;
    }

    /** Writes the collected statements as the role's default policy in one call, then the suppressions. */
    public void write() {
        if (written) {
            return;
        }
        written = true;
        if (!statements.isEmpty()) {
            // the policy from its document, then the suppressions, in one round trip (cls's own module, ADR 17)
            Nag.rolePolicy(role, "DefaultPolicy",
                    SynthModule.json(Map.of("Statement", statements.stream().map(Statement::json).toList())),
                    nagSuppressions(new ArrayList<>(suppressions)));
        } else {
            suppress(new ArrayList<>(suppressions));
        }
        clear();
    }

    /**
     * Writes {@code suppressions} in one go, then forgets them: the role's resources are found once, and each is
     * written once with all of them, as cdk-nag merges them (the rules in the order given, each once).
     */
    private void suppress(List<Suppression> suppressions) {
        if (!suppressions.isEmpty()) {
            Nag.suppress(role, nagSuppressions(suppressions));
            suppressions.clear();
        }
    }

    private static List<io.clusterless.substrate.aws.nag.Suppression> nagSuppressions(List<Suppression> suppressions) {
        return suppressions.stream().map(suppression -> new io.clusterless.substrate.aws.nag.Suppression(Nag.IAM5,
                suppression.reason(), suppression.regexes())).toList();
    }

    private void clear() {
        statements.clear();
        suppressions.clear();
        given.clear();
    }
}

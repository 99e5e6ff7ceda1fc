package io.clusterless.substrate.aws.iam;

import io.clusterless.substrate.aws.nag.Nag;
import software.amazon.awscdk.services.iam.IRole;

/**
 * A role that is granted statements, and the cdk-nag wildcard suppressions that go with them (on the role and its
 * policy). {@link #of} adds each at once; a handler function's role collects them and writes its whole default
 * policy in one call to node (construct.RolePolicy).
 */
public interface Grantee {
    void allow(Statement statement);

    /** Suppresses IAM5 (wildcard) findings on the role and its policy that match one of {@code regexes}. */
    void suppressWildcards(String reason, String... regexes);

    /** Each statement and suppression goes to {@code role} when it is given. */
    static Grantee of(IRole role) {
        return new Grantee() {
            @Override
            public void allow(Statement statement) {
                Access.add(role, statement.build());
            }

            @Override
            public void suppressWildcards(String reason, String... regexes) {
                Nag.suppressWildcards(role, reason, regexes);
            }
        };
    }
}

package io.clusterless.model.validate;

import io.clusterless.model.Deployable;
import io.clusterless.model.load.Problem;
import io.clusterless.model.reference.Reference;
import io.clusterless.model.reference.ReferenceResolver;

import java.util.List;

/**
 * What a {@link ComponentRule} may ask about the rest of the project.
 *
 * @param options    how strict validation is
 * @param references  resolves reference fields against every component of the project
 * @param deployables every file's deployable, for a check that reads other components' settings (an athenaQueryArc's
 *                    source tables)
 */
public record RuleContext(ValidationOptions options, ReferenceResolver references, List<Deployable> deployables) {
    /** Reports a reference that does not resolve at {@code path} below the component. */
    public static void reportUnresolved(Reference reference, Located<?> located, List<Problem> problems,
                                        Object... path) {
        if (reference instanceof Reference.Unresolved unresolved) {
            problems.add(located.problemAt(unresolved.reason(), path));
        }
    }
}

package io.clusterless.model.core.arc.function;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.load.Problem;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.ComponentRules;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.RuleContext;

import java.util.List;

/**
 * The model of {@value LambdaExecArc#TYPE}: its declaration, documentation, Lambda function names and own validation
 * rules.
 */
public final class LambdaExecArcPlugin implements ComponentPlugin, ComponentRules<LambdaExecArc> {
    private static final ComponentType TYPE = new ComponentType(
            LambdaExecArc.TYPE, ComponentKind.ARC, LambdaExecArc.class,
            "Runs your own Python, Node or Java function for each lot.",
            "Invokes handler (runtime python3.12/3.13/3.14, nodejs22.x/24.x, java21/25) once per lot with the "
                    + "lot's source objects and sink paths (docs/function-contract.md); the function writes "
                    + "its objects under the sinks' pathURI and returns them per sink role, and cls writes "
                    + "the sink manifests. An exception, a timeout or an object outside a sink fails the "
                    + "lot. codePath is zipped as it is: vendor dependencies into it. Locally the handler "
                    + "runs in a child python3, node or java with the local S3 endpoint's credentials.",
            List.of("start", "complete", "func", "result"));

    @Override
    public ComponentType type() {
        return TYPE;
    }

    @Override
    public List<ComponentRule<LambdaExecArc>> rules() {
        return List.of(new LambdaExecRule());
    }
}

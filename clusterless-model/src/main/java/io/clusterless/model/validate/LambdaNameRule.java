package io.clusterless.model.validate;

import io.clusterless.model.Component;
import io.clusterless.model.Deployable;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.naming.ProjectNames;

import java.util.List;

/** Lambda function names, built as they will be deployed, fit AWS's 64-character limit. */
final class LambdaNameRule implements Rule {
    private final ComponentRegistry registry;

    LambdaNameRule(ComponentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        for (Located<Component> located : Elements.components(project)) {
            Deployable deployable = located.file().deployable();
            ProjectNames names;
            try {
                names = ProjectNames.of(deployable);
            } catch (IllegalArgumentException e) {
                continue; // blank project or placement values: PlacementRule reports them
            }
            if (located.value().getName() == null || located.value().getName().isBlank()) {
                continue; // UniqueNamesRule reports blank names
            }
            ComponentType type = registry.find(located.value().getType()).orElseThrow();
            for (String fn : type.lambdaFunctions()) {
                String function = names.lambdaFunction(located.value().getName(), fn);
                if (function.length() > ProjectNames.LAMBDA_NAME_MAX) {
                    problems.add(located.problem("name", "Lambda function name \"" + function + "\" is "
                            + function.length() + " characters, over AWS's limit of " + ProjectNames.LAMBDA_NAME_MAX
                            + "; shorten the " + type.kind().displayName() + " name or the project name"));
                    break;
                }
            }
        }
    }
}

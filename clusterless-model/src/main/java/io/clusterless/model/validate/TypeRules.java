package io.clusterless.model.validate;

import io.clusterless.model.Component;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.model.reference.ReferenceResolver;

import java.util.List;

/** Runs the checks of one concern that each component's type contributes ({@link ComponentRules}). */
final class TypeRules implements Rule {
    private final ComponentRegistry registry;
    private final ComponentRule.Concern concern;

    TypeRules(ComponentRegistry registry, ComponentRule.Concern concern) {
        this.registry = registry;
        this.concern = concern;
    }

    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        List<Located<Component>> components = Elements.components(project);
        RuleContext context = new RuleContext(options,
                new ReferenceResolver(registry, components.stream().map(Located::value).toList()), project.deployables());
        for (Located<Component> located : components) {
            ComponentPlugin plugin = registry.plugin(located.value().getType()).orElse(null);
            if (plugin instanceof ComponentRules<?> rules
                    && plugin.type().modelClass().isInstance(located.value())) {
                check(rules, located, context, problems);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends Component> void check(ComponentRules<T> rules, Located<Component> located,
                                             RuleContext context, List<Problem> problems) {
        // the type's model class holds the value (checked above), so the type's rules may take it as T
        Located<T> typed = (Located<T>) (Located<?>) located;
        for (ComponentRule<T> rule : rules.rules()) {
            if (rule.concern() == concern) {
                rule.check(typed, context, problems);
            }
        }
    }
}

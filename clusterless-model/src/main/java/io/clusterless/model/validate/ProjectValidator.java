package io.clusterless.model.validate;

import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a loaded project against every rule that needs no AWS call, and returns all problems, in file order. The
 * rules here hold what applies to every component of a kind; a type's own checks come from its plugin.
 */
public final class ProjectValidator {
    private final List<Rule> rules;

    public ProjectValidator(ComponentRegistry registry) {
        // a type's own checks (ComponentRules) run right after the shared rule of their concern
        this.rules = List.of(
                new PlacementRule(),
                new LogRetentionRule(),
                new SameProjectRule(),
                new UniqueNamesRule(),
                new NameRule(),
                new TypeRules(registry, ComponentRule.Concern.NAMES),
                new PhysicalNamesRule(registry),
                new LotUnitRule(),
                new FreshnessRule(),
                new LocationRule(registry),
                new TypeRules(registry, ComponentRule.Concern.LOCATIONS),
                new OwnershipRule(),
                new TypeRules(registry, ComponentRule.Concern.REFERENCES),
                new LambdaNameRule(registry),
                new RuntimePropsRule(),
                new TypeRules(registry, ComponentRule.Concern.SETTINGS),
                new TriggerRule(),
                new RollUpRule(),
                new ScheduleRule());
    }

    public ProjectValidator() {
        this(ComponentRegistry.defaultRegistry());
    }

    public List<Problem> validate(LoadedProject project, ValidationOptions options) {
        List<Problem> problems = new ArrayList<>();
        for (Rule rule : rules) {
            rule.check(project, options, problems);
        }
        return problems.stream().sorted().toList();
    }
}

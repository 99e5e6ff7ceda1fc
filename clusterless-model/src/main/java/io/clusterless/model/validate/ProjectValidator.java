package io.clusterless.model.validate;

import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;

import java.util.ArrayList;
import java.util.List;

/** Checks a loaded project against every rule that needs no AWS call, and returns all problems, in file order. */
public final class ProjectValidator {
    private final List<Rule> rules;

    public ProjectValidator(ComponentRegistry registry) {
        this.rules = List.of(
                new PlacementRule(),
                new LogRetentionRule(),
                new SameProjectRule(),
                new UniqueNamesRule(),
                new NameRule(),
                new PhysicalNamesRule(registry),
                new LotUnitRule(),
                new LocationRule(),
                new OwnershipRule(),
                new ReferenceRule(registry),
                new LambdaNameRule(registry),
                new RuntimePropsRule(),
                new WorkloadRule(),
                new ImagePathRule(),
                new LambdaExecRule(),
                io.clusterless.model.core.arc.athena.AthenaQueryRule::check); // athena: the type's validation
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

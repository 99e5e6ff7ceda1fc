package io.clusterless.model.validate;

import io.clusterless.model.Component;
import io.clusterless.model.Deployable;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.NameClaim;
import io.clusterless.model.component.PhysicalNameKind;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.model.shape.FieldPath;
import io.clusterless.naming.ProjectNames;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names synth gives stacks, rules, queues, state machines and Batch objects, built as they will be deployed, are
 * ones AWS (and CDK at synth) accepts: each service's characters and length, and no two objects of one service with
 * the same name. Which names a component gets is its type's ({@link ComponentPlugin#physicalNames}); Lambda function
 * names are {@link LambdaNameRule}'s.
 */
final class PhysicalNamesRule implements Rule {
    /** Where a physical name was first given: the component's list, and the component as messages name it. */
    private record Owner(String list, String where) {
    }

    private final ComponentRegistry registry;

    PhysicalNamesRule(ComponentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        Map<String, Owner> taken = new HashMap<>();
        for (LoadedFile file : project.files()) {
            Deployable deployable = file.deployable();
            if (!PlacementRule.namesBuildable(deployable)) {
                continue; // PlacementRule says what to fix first
            }
            ProjectNames names = ProjectNames.of(deployable);
            String grouped = problem(PhysicalNameKind.STACK, names.groupedStack(), "the version");
            if (grouped != null) {
                problems.add(file.problem(FieldPath.of("project", "name"), grouped));
            }
        }
        for (Located<Component> located : Elements.components(project)) {
            Component component = located.value();
            Deployable deployable = located.file().deployable();
            if (!PlacementRule.namesBuildable(deployable)
                    || Names.componentProblem("", component.getName()) != null) {
                continue; // NameRule or PlacementRule says what to fix first
            }
            ProjectNames names = ProjectNames.of(deployable);
            String name = component.getName();
            if (registry.find(component.getType()).orElseThrow().lambdaFunctions().stream()
                    .anyMatch(fn -> names.lambdaFunction(name, fn).length() > ProjectNames.LAMBDA_NAME_MAX)) {
                continue; // LambdaNameRule asks for a shorter name already, which shortens these too
            }
            ComponentPlugin plugin = registry.plugin(component.getType()).orElseThrow();
            Map<String, Checks> checks = new LinkedHashMap<>();
            for (NameClaim claim : plugin.physicalNames(component)) {
                if (Names.componentProblem("", claim.declared()) != null) {
                    continue; // NameRule says what to fix first
                }
                checks.computeIfAbsent(claim.field(), field -> new Checks(located, field, taken, problems))
                        .check(claim.kind(), claim.name(names));
            }
        }
    }

    private static String problem(PhysicalNameKind kind, String name, String shorten) {
        if (name.length() > kind.max()) {
            return kind.what() + " \"" + name + "\" is " + name.length() + " characters, over AWS's limit of "
                    + kind.max() + "; shorten " + shorten + " or the project name";
        }
        if (!kind.pattern().matcher(name).matches()) {
            return kind.what() + " " + Names.quote(name) + " has characters AWS does not allow; rename " + shorten;
        }
        return null;
    }

    /** Checks the names of one component, reporting at one of its fields, at most one problem per field. */
    private static final class Checks {
        private final Located<Component> located;
        private final String field;
        private final Map<String, Owner> taken;
        private final List<Problem> problems;
        private boolean reported;

        Checks(Located<Component> located, String field, Map<String, Owner> taken, List<Problem> problems) {
            this.located = located;
            this.field = field;
            this.taken = taken;
            this.problems = problems;
        }

        void check(PhysicalNameKind kind, String name) {
            if (reported) {
                return;
            }
            String problem = problem(kind, name, field.equals("name") ? "this name" : field);
            String list = located.path().parent().toString();
            Owner previous = problem == null ? taken.putIfAbsent(kind.what() + "\n" + name,
                    new Owner(list, located.describe(located.value().getName()))) : null;
            if (problem != null) {
                report(problem);
            } else if (previous != null && !previous.list().equals(list)) {
                // within one list UniqueNamesRule already reports the clash
                report(kind.what() + " \"" + name + "\" is also the one " + previous.where() + " gets; rename one "
                        + "of them");
            }
        }

        private void report(String message) {
            reported = true;
            problems.add(located.problem(field, message));
        }
    }
}

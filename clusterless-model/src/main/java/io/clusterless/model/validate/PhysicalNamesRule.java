package io.clusterless.model.validate;

import io.clusterless.model.Activity;
import io.clusterless.model.Arc;
import io.clusterless.model.Boundary;
import io.clusterless.model.Component;
import io.clusterless.model.Deployable;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.core.arc.batch.BatchExecArc;
import io.clusterless.model.core.boundary.s3put.EventArrival;
import io.clusterless.model.core.boundary.s3put.S3PutListenerBoundary;
import io.clusterless.model.core.resource.compute.ComputeResource;
import io.clusterless.model.shape.FieldPath;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.naming.ProjectNames;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The names synth gives stacks, rules, queues, state machines and Batch objects, built as they will be deployed, are
 * ones AWS (and CDK at synth) accepts: each service's characters and length, and no two objects of one service with
 * the same name. Lambda function names are {@link LambdaNameRule}'s.
 */
final class PhysicalNamesRule implements Rule {
    /** A kind of physical name: what AWS calls it, which characters and how many it allows. */
    /** Where a physical name was first given: the component's list, and the component as messages name it. */
    private record Owner(String list, String where) {
    }

    private record Kind(String what, Pattern pattern, int max) {
        String problem(String name, String shorten) {
            if (name.length() > max) {
                return what + " \"" + name + "\" is " + name.length() + " characters, over AWS's limit of " + max
                        + "; shorten " + shorten + " or the project name";
            }
            if (!pattern.matcher(name).matches()) {
                return what + " " + Names.quote(name) + " has characters AWS does not allow; rename " + shorten;
            }
            return null;
        }
    }

    private static final Kind STACK = new Kind("CloudFormation stack name",
            Pattern.compile("[A-Za-z][-A-Za-z0-9]*"), 128);
    private static final Kind RULE = new Kind("EventBridge rule name", Pattern.compile("[.\\-_A-Za-z0-9]+"), 64);
    private static final Kind QUEUE = new Kind("SQS queue name", Pattern.compile("[-_A-Za-z0-9]+"), 80);
    private static final Kind STATE_MACHINE = new Kind("Step Functions state machine name",
            Pattern.compile("[-_A-Za-z0-9]+"), 80);
    private static final Kind BATCH = new Kind("Batch job queue and definition name",
            Pattern.compile("[-_A-Za-z0-9]+"), 128);
    private static final Kind COMPUTE = new Kind("Batch compute environment name",
            Pattern.compile("[-_A-Za-z0-9]+"), 128);
    private static final Kind LOG_GROUP = new Kind("log group name", Pattern.compile("[-._/#A-Za-z0-9]+"), 512);

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
            String grouped = STACK.problem(names.groupedStack(), "the version");
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
            Checks checks = new Checks(located, "name", taken, problems);
            if (component instanceof Boundary || component instanceof Activity) {
                checks.check(RULE, names.componentRule(name));
            }
            if (component instanceof S3PutListenerBoundary boundary
                    && boundary.getEventArrival() == EventArrival.frequent) {
                checks.check(QUEUE, names.frequentQueue(name));
            }
            if (component instanceof Arc<?>) {
                checks.check(STACK, names.arcStack(name));
                checks.check(STATE_MACHINE, names.arcStateMachine(name));
                checks.check(RULE, names.arcListenerRule(name));
                checks.check(LOG_GROUP, names.stateMachineLogGroup(names.arcStateMachine(name)));
            }
            if (component instanceof BatchExecArc) {
                checks.check(BATCH, names.batchJob(name));
                checks.check(LOG_GROUP, names.batchLogGroup(name));
            }
            if (component instanceof ComputeResource compute && compute.getComputeEnvironmentName() != null
                    && Names.componentProblem("", compute.getComputeEnvironmentName()) == null) {
                new Checks(located, "computeEnvironmentName", taken, problems)
                        .check(COMPUTE, names.computeEnvironment(compute.getComputeEnvironmentName()));
            }
        }
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

        void check(Kind kind, String name) {
            if (reported) {
                return;
            }
            String problem = kind.problem(name, field.equals("name") ? "this name" : field);
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

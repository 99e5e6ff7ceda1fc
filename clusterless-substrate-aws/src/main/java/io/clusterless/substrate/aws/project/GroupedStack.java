package io.clusterless.substrate.aws.project;

import io.clusterless.engine.plan.ActivityPlan;
import io.clusterless.engine.plan.BoundaryPlan;
import io.clusterless.engine.status.FreshnessPlan;
import io.clusterless.model.Resource;
import io.clusterless.substrate.aws.component.ActivityConstruct;
import io.clusterless.substrate.aws.component.AwsComponent;
import io.clusterless.substrate.aws.component.AwsComponents;
import io.clusterless.substrate.aws.component.BoundaryConstruct;
import io.clusterless.substrate.aws.component.ResourceConstruct;
import io.clusterless.substrate.aws.construct.ConstructException;
import io.clusterless.substrate.aws.construct.DeadLetters;
import io.clusterless.substrate.aws.construct.ProjectScope;
import io.clusterless.substrate.aws.construct.Stacks;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The project's resources, activities and boundaries in one stack (reference §3.3). Activities and boundaries are
 * built after the resources, but do not blanket-depend on them as in the original: a bucket that notifies a
 * boundary's queue must wait for that queue's policy, so CloudFormation orders by the references alone.
 */
public final class GroupedStack extends Stack {
    private GroupedStack(Construct scope, ProjectScope project) {
        super(scope, project.names().groupedStack(), Stacks.props(project.placementPlan().placement(),
                project.names().groupedStack(), "clusterless resources, activities and boundaries of "
                        + project.plan().deployable().getProject().id()));
    }

    /** The grouped stack, or null when the project has nothing to put in it. */
    public static GroupedStack create(Construct scope, ProjectScope project) {
        List<Resource> resources = new ArrayList<>();
        for (Resource resource : project.plan().deployable().getResources()) {
            if (!resource.isExclude() && project.options().includesResource(resource.getName())) {
                resources.add(resource);
            }
        }
        boolean others = project.options().includesNonResources();
        List<BoundaryPlan> boundaries = others ? project.plan().boundaries() : List.of();
        List<ActivityPlan> activities = others ? project.plan().activities() : List.of();
        Optional<FreshnessPlan> freshness = others
                ? FreshnessPlan.of(project.placementPlan(), project.plan()) : Optional.empty();
        if (resources.isEmpty() && boundaries.isEmpty() && activities.isEmpty() && freshness.isEmpty()) {
            return null;
        }
        GroupedStack stack = new GroupedStack(scope, project);
        project.building(stack);
        for (Resource resource : resources) {
            aws(project, "resource", resource.getName(), resource.getType(), ResourceConstruct.class)
                    .build(stack, project, resource);
        }
        if (activities.isEmpty() && boundaries.isEmpty() && freshness.isEmpty()) {
            return stack;
        }
        DeadLetters deadLetters = new DeadLetters(stack, "DeadLetters", project.names().deadLetterQueue());
        for (ActivityPlan activity : activities) {
            aws(project, "activity", activity.model().getName(), activity.model().getType(), ActivityConstruct.class)
                    .build(stack, project, activity, deadLetters);
        }
        for (BoundaryPlan boundary : boundaries) {
            aws(project, "boundary", boundary.model().getName(), boundary.model().getType(), BoundaryConstruct.class)
                    .build(stack, project, boundary, deadLetters);
        }
        freshness.ifPresent(plan -> new FreshnessWatchConstruct(stack, project, plan, deadLetters));
        return stack;
    }

    private static <T extends AwsComponent> T aws(ProjectScope project, String kind, String name, String type,
                                                  Class<T> hook) {
        return AwsComponents.defaults().find(type, hook).orElseThrow(() -> new ConstructException(project.display()
                + ": " + kind + " '" + name + "': type " + type + " cannot be placed on AWS"));
    }

}

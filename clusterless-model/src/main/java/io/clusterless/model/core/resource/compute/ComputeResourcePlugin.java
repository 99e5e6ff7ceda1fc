package io.clusterless.model.core.resource.compute;

import io.clusterless.model.Component;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.component.NameClaim;
import io.clusterless.model.component.PhysicalNameKind;
import io.clusterless.model.load.Problem;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.ComponentRules;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.Names;
import io.clusterless.model.validate.RuleContext;
import io.clusterless.naming.ProjectNames;

import java.util.List;

/**
 * The model of {@value ComputeResource#TYPE}: its declaration, documentation, Lambda function names and own validation
 * rules.
 */
public final class ComputeResourcePlugin implements ComponentPlugin, ComponentRules<ComputeResource> {
    private static final ComponentType TYPE = new ComponentType(
            ComputeResource.TYPE, ComponentKind.RESOURCE, ComputeResource.class,
            "An AWS Batch Fargate compute environment.",
            "Creates a managed Fargate compute environment in the placement's bootstrap VPC, for "
                    + "batchExecArc workloads to reference by name with computeEnvironmentRef.",
            List.of());

    @Override
    public ComponentType type() {
        return TYPE;
    }

    /** A compute environment is named for its {@code computeEnvironmentName}, when one is given. */
    @Override
    public List<NameClaim> physicalNames(Component component) {
        String name = ((ComputeResource) component).getComputeEnvironmentName();
        return name == null ? List.of() : List.of(new NameClaim("computeEnvironmentName", name,
                PhysicalNameKind.COMPUTE, ProjectNames::computeEnvironment));
    }

    @Override
    public List<ComponentRule<ComputeResource>> rules() {
        return List.of(ComponentRule.of(ComponentRule.Concern.NAMES, ComputeResourcePlugin::environmentName));
    }

    /** The declared environment name becomes a physical name, so it holds only what a component name may. */
    private static void environmentName(Located<ComputeResource> compute, RuleContext context,
                                        List<Problem> problems) {
        String name = compute.value().getComputeEnvironmentName();
        String problem = name == null ? null : Names.componentProblem("computeEnvironmentName", name);
        if (problem != null) {
            problems.add(compute.problemAt(problem, "computeEnvironmentName"));
        }
    }
}

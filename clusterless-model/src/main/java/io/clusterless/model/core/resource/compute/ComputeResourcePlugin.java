package io.clusterless.model.core.resource.compute;

import io.clusterless.model.Component;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.component.NameClaim;
import io.clusterless.model.component.PhysicalNameKind;
import io.clusterless.naming.ProjectNames;

import java.util.List;

/** The model of {@value ComputeResource#TYPE}: its declaration, documentation and Lambda function names. */
public final class ComputeResourcePlugin implements ComponentPlugin {
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
}

package io.clusterless.substrate.aws.component.resource.compute;

import io.clusterless.model.Resource;
import io.clusterless.model.core.resource.compute.ComputeResource;
import io.clusterless.substrate.aws.component.ResourceConstruct;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.constructs.Construct;

/** The AWS part of {@value ComputeResource#TYPE}. */
public final class ComputeResourceAws implements ResourceConstruct {
    @Override
    public String type() {
        return ComputeResource.TYPE;
    }

    @Override
    public void build(Construct stack, ProjectScope project, Resource resource) {
        new ComputeEnvironmentConstruct(stack, project, (ComputeResource) resource);
    }
}

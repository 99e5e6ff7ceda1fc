package io.clusterless.substrate.aws.component.resource.gluedatabase;

import io.clusterless.model.Resource;
import io.clusterless.model.core.resource.gluedatabase.GlueDatabaseResource;
import io.clusterless.substrate.aws.component.ResourceConstruct;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.constructs.Construct;

/** The AWS part of {@value GlueDatabaseResource#TYPE}. */
public final class GlueDatabaseResourceAws implements ResourceConstruct {
    @Override
    public String type() {
        return GlueDatabaseResource.TYPE;
    }

    @Override
    public void build(Construct stack, ProjectScope project, Resource resource) {
        new GlueDatabaseConstruct(stack, project, (GlueDatabaseResource) resource);
    }
}

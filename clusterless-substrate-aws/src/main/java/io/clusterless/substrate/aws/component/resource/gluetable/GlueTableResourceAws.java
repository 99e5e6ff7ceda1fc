package io.clusterless.substrate.aws.component.resource.gluetable;

import io.clusterless.model.Resource;
import io.clusterless.model.core.resource.gluetable.GlueTableResource;
import io.clusterless.substrate.aws.component.ResourceConstruct;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.constructs.Construct;

/** The AWS part of {@value GlueTableResource#TYPE}. */
public final class GlueTableResourceAws implements ResourceConstruct {
    @Override
    public String type() {
        return GlueTableResource.TYPE;
    }

    @Override
    public void build(Construct stack, ProjectScope project, Resource resource) {
        new GlueTableConstruct(stack, project, (GlueTableResource) resource);
    }
}

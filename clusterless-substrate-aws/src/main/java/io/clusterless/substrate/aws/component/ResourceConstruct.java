package io.clusterless.substrate.aws.component;

import io.clusterless.model.Resource;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.constructs.Construct;

/** The AWS part of a resource type: builds one resource of the type into the grouped stack. */
public interface ResourceConstruct extends AwsComponent {
    void build(Construct stack, ProjectScope project, Resource resource);
}

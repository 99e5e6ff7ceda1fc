package io.clusterless.substrate.aws.component.resource.eventbus;

import io.clusterless.model.Resource;
import io.clusterless.model.core.resource.eventbus.EventBridgeResource;
import io.clusterless.substrate.aws.component.ResourceConstruct;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.constructs.Construct;

/** The AWS part of {@value EventBridgeResource#TYPE}. */
public final class EventBridgeResourceAws implements ResourceConstruct {
    @Override
    public String type() {
        return EventBridgeResource.TYPE;
    }

    @Override
    public void build(Construct stack, ProjectScope project, Resource resource) {
        new EventBusConstruct(stack, project, (EventBridgeResource) resource);
    }
}

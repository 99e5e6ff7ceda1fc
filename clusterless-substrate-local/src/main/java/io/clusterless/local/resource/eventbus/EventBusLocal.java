package io.clusterless.local.resource.eventbus;

import io.clusterless.local.resource.LocalResourceContext;
import io.clusterless.local.resource.LocalResourceType;
import io.clusterless.model.Resource;
import io.clusterless.model.core.resource.eventbus.EventBridgeResource;

/**
 * eventBus on one machine: nothing; cls publishes no event to a custom bus, and arc events travel
 * on the run's in-process bus.
 */
public final class EventBusLocal implements LocalResourceType {
    @Override
    public String componentType() {
        return EventBridgeResource.TYPE;
    }

    @Override
    public String localForm() {
        return "nothing: arc events travel on the run's in-process bus";
    }

    @Override
    public void place(Resource resource, LocalResourceContext context) {
        // nothing to create
    }
}

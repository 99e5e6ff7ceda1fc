package io.clusterless.model.core.resource.eventbus;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;

import java.util.List;

/** The model of {@value EventBridgeResource#TYPE}: its declaration, documentation and Lambda function names. */
public final class EventBridgeResourcePlugin implements ComponentPlugin {
    private static final ComponentType TYPE = new ComponentType(
            EventBridgeResource.TYPE, ComponentKind.RESOURCE, EventBridgeResource.class,
            "A custom EventBridge bus.",
            "Creates a custom EventBridge event bus and exports its ARN and name.",
            List.of());

    @Override
    public ComponentType type() {
        return TYPE;
    }
}

package io.clusterless.substrate.aws.component.resource.eventbus;

import io.clusterless.model.core.resource.eventbus.EventBridgeResource;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.amazon.awscdk.services.events.EventBus;
import io.clusterless.naming.Label;
import io.clusterless.substrate.aws.construct.OriginalIds;
import software.constructs.Construct;

/** {@code aws:core:eventBus}: a custom bus exporting its ARN and name refs. */
public final class EventBusConstruct extends Construct {
    /** The original's model class, the first part of its construct id. */
    private static final String MODEL_CLASS = "EventBridgeResource";

    public EventBusConstruct(Construct scope, ProjectScope project, EventBridgeResource model) {
        super(scope, OriginalIds.resource(MODEL_CLASS, model.getEventBusName()));
        // the bus and its exports sit where the original's do, so a deploy over its stack keeps them (ADR-0016)
        EventBus bus = EventBus.Builder.create(this, Label.upperCamel(model.getEventBusName()))
                .eventBusName(model.getEventBusName()).build();
        project.exportAsTheOriginal(this, "arn", model, bus.getEventBusArn());
        project.exportAsTheOriginal(this, "name", model, bus.getEventBusName());
    }
}

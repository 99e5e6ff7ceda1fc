package io.clusterless.substrate.aws.component.resource.eventbus;

import io.clusterless.model.core.resource.eventbus.EventBridgeResource;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.amazon.awscdk.services.events.EventBus;
import software.constructs.Construct;

/** {@code aws:core:eventBus}: a custom bus exporting its ARN and name refs. */
public final class EventBusConstruct extends Construct {
    public EventBusConstruct(Construct scope, ProjectScope project, EventBridgeResource model) {
        super(scope, "EventBus-" + model.getName());
        EventBus bus = EventBus.Builder.create(this, "Bus").eventBusName(model.getEventBusName()).build();
        project.export(this, "Arn", project.exportRef("arn", model), bus.getEventBusArn());
        project.export(this, "Name", project.exportRef("name", model), bus.getEventBusName());
    }
}

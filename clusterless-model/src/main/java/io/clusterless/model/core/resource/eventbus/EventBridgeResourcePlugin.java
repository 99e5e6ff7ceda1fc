package io.clusterless.model.core.resource.eventbus;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.load.Problem;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.ComponentRules;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.Names;
import io.clusterless.model.validate.RuleContext;

import java.util.List;

/**
 * The model of {@value EventBridgeResource#TYPE}: its declaration, documentation, Lambda function names and own validation
 * rules.
 */
public final class EventBridgeResourcePlugin implements ComponentPlugin, ComponentRules<EventBridgeResource> {
    private static final ComponentType TYPE = new ComponentType(
            EventBridgeResource.TYPE, ComponentKind.RESOURCE, EventBridgeResource.class,
            "A custom EventBridge bus.",
            "Creates a custom EventBridge event bus and exports its ARN and name.",
            List.of());

    @Override
    public ComponentType type() {
        return TYPE;
    }

    @Override
    public List<ComponentRule<EventBridgeResource>> rules() {
        return List.of(ComponentRule.of(ComponentRule.Concern.NAMES, EventBridgeResourcePlugin::eventBusName));
    }

    private static void eventBusName(Located<EventBridgeResource> bus, RuleContext context, List<Problem> problems) {
        String problem = Names.eventBusProblem(bus.value().getEventBusName());
        if (problem != null) {
            problems.add(bus.problemAt(problem, "eventBusName"));
        }
    }
}

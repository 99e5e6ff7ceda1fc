package io.clusterless.model.core.resource.eventbus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Resource;

/** {@code aws:core:eventBus}: a custom EventBridge bus. */
@JsonPropertyOrder({"type", "name", "exclude", "eventBusName"})
public class EventBridgeResource extends Resource {
    public static final String TYPE = "aws:core:eventBus";

    @JsonProperty(required = true)
    @JsonPropertyDescription("Event bus name.")
    private String eventBusName;

    public String getEventBusName() {
        return eventBusName;
    }
}

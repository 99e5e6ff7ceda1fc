package io.clusterless.runtime.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.event.EventPublisher;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;

/** Puts {@link ArcNotifyEvent}s on the placement's arc bus ({@code source=clusterless.arc}). */
public final class EventBridgePublisher implements EventPublisher {
    private final AwsJsonClient events;
    private final String eventBusName;

    public EventBridgePublisher(AwsClients clients, String eventBusName) {
        this.events = new AwsJsonClient(clients, "events", "AWSEvents", "1.1");
        this.eventBusName = eventBusName;
    }

    @Override
    public void publish(ArcNotifyEvent event) {
        JsonNode response = events.call("PutEvents", request(event));
        if (response.path("FailedEntryCount").asInt() > 0) {
            JsonNode failed = response.path("Entries").path(0);
            throw new AwsJsonException(failed.path("ErrorCode").asText("PutEventsFailed"), 200,
                    "event for " + event.dataset().id() + " lot " + event.lot() + " was not accepted: "
                            + failed.path("ErrorMessage").asText(""));
        }
    }

    /** Builds and signs a sample event without sending it (see {@link AwsJsonClient#prime}). */
    public void prime(ArcNotifyEvent sample) {
        events.prime("PutEvents", request(sample));
    }

    private ObjectNode request(ArcNotifyEvent event) {
        ObjectNode request = Json.records().createObjectNode();
        ObjectNode entry = request.putArray("Entries").addObject();
        entry.put("EventBusName", eventBusName);
        entry.put("Source", ArcNotifyEvent.SOURCE);
        entry.put("DetailType", ArcNotifyEvent.DETAIL_TYPE);
        try {
            entry.put("Detail", Json.records().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event", e);
        }
        return request;
    }
}

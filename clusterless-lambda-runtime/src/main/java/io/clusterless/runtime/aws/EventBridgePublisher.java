package io.clusterless.runtime.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.event.EventPublisher;
import io.clusterless.engine.status.FreshnessChange;
import io.clusterless.engine.status.FreshnessEvents;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;

/**
 * Puts {@link ArcNotifyEvent}s ({@code source=clusterless.arc}) and freshness changes
 * ({@code source=clusterless.freshness}) on the placement's arc bus.
 */
public final class EventBridgePublisher implements EventPublisher, FreshnessEvents {
    private final AwsJsonClient events;
    private final String eventBusName;

    public EventBridgePublisher(AwsClients clients, String eventBusName) {
        this.events = new AwsJsonClient(clients, "events", "AWSEvents", "1.1");
        this.eventBusName = eventBusName;
    }

    @Override
    public void publish(ArcNotifyEvent event) {
        put(request(event), "event for " + event.dataset().id() + " lot " + event.lot());
    }

    @Override
    public void publish(FreshnessChange change) {
        put(request(FreshnessChange.SOURCE, FreshnessChange.DETAIL_TYPE, change), "freshness event for "
                + change.dataset() + "/" + change.version());
    }

    private void put(ObjectNode request, String what) {
        JsonNode response = events.call("PutEvents", request);
        if (response.path("FailedEntryCount").asInt() > 0) {
            JsonNode failed = response.path("Entries").path(0);
            throw new AwsJsonException(failed.path("ErrorCode").asText("PutEventsFailed"), 200,
                    what + " was not accepted: " + failed.path("ErrorMessage").asText(""));
        }
    }

    /** Builds and signs a sample event without sending it (see {@link AwsJsonClient#prime}). */
    public void prime(ArcNotifyEvent sample) {
        events.prime("PutEvents", request(sample));
    }

    private ObjectNode request(ArcNotifyEvent event) {
        return request(ArcNotifyEvent.SOURCE, ArcNotifyEvent.DETAIL_TYPE, event);
    }

    private ObjectNode request(String source, String detailType, Object detail) {
        ObjectNode request = Json.records().createObjectNode();
        ObjectNode entry = request.putArray("Entries").addObject();
        entry.put("EventBusName", eventBusName);
        entry.put("Source", source);
        entry.put("DetailType", detailType);
        try {
            entry.put("Detail", Json.records().writeValueAsString(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event", e);
        }
        return request;
    }
}

package io.clusterless.engine.event;

import io.clusterless.event.ArcNotifyEvent;

/** Publishes dataset availability on the placement's arc event bus. */
public interface EventPublisher {
    void publish(ArcNotifyEvent event);
}

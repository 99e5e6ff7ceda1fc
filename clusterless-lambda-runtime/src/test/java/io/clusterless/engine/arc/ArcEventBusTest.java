package io.clusterless.engine.arc;

import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.model.SinkDataset;
import io.clusterless.runtime.testing.MotoServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The observer the gate tests rely on: moto_server delivers arc notifications from the bus to the SQS target. */
class ArcEventBusTest {
    @Test
    void publishedNotification_arrivesOnTheObserverQueueIntact() {
        ArcEventBus bus = ArcEventBus.create(MotoServer.get());
        ArcNotifyEvent event = new ArcNotifyEvent(new SinkDataset("copy", "1", "s3://data/copy/"), "20230227PT5M287",
                "s3://m/datasets/name=copy/version=1/lot=20230227PT5M287/state=complete/manifest.json");

        bus.publisher().publish(event);

        assertThat(bus.drain()).containsExactly(event);
        assertThat(bus.drain()).as("drained").isEmpty();
    }
}

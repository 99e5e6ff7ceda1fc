package io.clusterless.engine.boundary;

import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.model.SinkDataset;
import io.clusterless.runtime.aws.EventBridgePublisher;
import io.clusterless.runtime.testing.MotoServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe sees what EventBridgePublisher puts on the bus, so boundary tests can count published events. */
class ArcBusProbeTest {
    @Test
    void publishedEvent_reachesTheProbeQueue_withItsDetail() {
        MotoServer moto = MotoServer.get();
        ArcBusProbe probe = new ArcBusProbe(moto.clients(), "probe-test-bus");
        ArcNotifyEvent event = new ArcNotifyEvent(new SinkDataset("ingress", "20220101", "s3://b/ingress/"),
                "20230227PT5M287", "s3://m/datasets/name=ingress/version=20220101/lot=20230227PT5M287/state=complete/manifest.json");

        new EventBridgePublisher(moto.clients(), "probe-test-bus").publish(event);

        assertThat(probe.drain()).containsExactly(event);
        assertThat(probe.drain()).isEmpty();
    }
}

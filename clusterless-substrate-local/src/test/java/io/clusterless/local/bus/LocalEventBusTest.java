package io.clusterless.local.bus;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.plan.EventPatterns;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import io.clusterless.model.SinkDataset;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bus routes with the patterns the stacks synthesize (EventPatterns), evaluated by event-ruler. */
class LocalEventBusTest {
    private final LocalEventBus bus = new LocalEventBus("DEV-arc-events-us-west-2",
            Clock.fixed(Instant.parse("2023-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void anArcListenerReceivesNotificationsOfItsSubscribedDatasetsOnly() {
        List<JsonNode> received = new ArrayList<>();
        bus.addRule("listener", EventPatterns.arcListener(Set.of("chain-a/20230101")), received::add);

        bus.publish(new ArcNotifyEvent(new SinkDataset("chain-a", "20230101", "s3://b/a/"), "20230101PT5M000", "m"));
        bus.publish(new ArcNotifyEvent(new SinkDataset("chain-b", "20230101", "s3://b/b/"), "20230101PT5M000", "m"));

        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("detail").path("datasetId").asText()).isEqualTo("chain-a/20230101");
        assertThat(received.get(0).path("source").asText()).isEqualTo(ArcNotifyEvent.SOURCE);
    }

    @Test
    void anObjectCreatedRuleMatchesItsBucketAndKeyPrefixOnly() {
        List<JsonNode> received = new ArrayList<>();
        bus.addRule("boundary", EventPatterns.s3ObjectCreated("bucket", "ingress/"), received::add);

        bus.put("aws.s3", "Object Created", detail("bucket", "ingress/a.csv"));
        bus.put("aws.s3", "Object Created", detail("bucket", "other/a.csv"));
        bus.put("aws.s3", "Object Created", detail("elsewhere", "ingress/a.csv"));

        assertThat(received).extracting(event -> event.path("detail").path("object").path("key").asText())
                .containsExactly("ingress/a.csv");
    }

    @Test
    void aPatternEventBridgeWouldRejectIsRefusedWithTheRuleName() {
        assertThatThrownBy(() -> bus.addRule("broken", "{\"source\": \"not-an-array\"}", event -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken");
    }

    private static JsonNode detail(String bucket, String key) {
        var detail = Json.records().createObjectNode();
        detail.putObject("bucket").put("name", bucket);
        detail.putObject("object").put("key", key);
        return detail;
    }
}

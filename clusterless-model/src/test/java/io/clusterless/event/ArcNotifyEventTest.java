package io.clusterless.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.model.SinkDataset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArcNotifyEventTest {
    private static final String MANIFEST = "s3://dev-clusterless-manifest-123456789012-us-west-2/datasets/name=ingress"
            + "/version=20220101/lot=20230227PT5M287/state=complete/manifest.json";
    private final ArcNotifyEvent event = new ArcNotifyEvent(new SinkDataset("ingress", "20220101", "s3://bucket/ingress/"),
            "20230227PT5M287", MANIFEST);

    @Test
    void serialisesInTheDocumentedShapeWithTheDerivedDatasetIdLast() throws Exception {
        String json = Json.records().writeValueAsString(event);

        assertThat(json.replaceAll("\\s", "")).isEqualTo("{\"dataset\":{\"name\":\"ingress\",\"version\":\"20220101\","
                + "\"pathURI\":\"s3://bucket/ingress/\"},\"lot\":\"20230227PT5M287\",\"manifest\":\"" + MANIFEST + "\","
                + "\"datasetId\":\"ingress/20220101\"}");
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        String json = Json.records().writeValueAsString(event);

        assertThat(Json.records().readValue(json, ArcNotifyEvent.class)).isEqualTo(event);
    }

    @Test
    void datasetIdIsIgnoredOnReadEvenByTheStrictMapper() throws Exception {
        // Listener rules match on datasetId, but it is derived: a stale value in the input must not win.
        String json = """
                { "dataset": {"name": "ingress", "version": "20220101", "pathURI": "s3://bucket/ingress/"},
                  "lot": "20230227PT5M287", "manifest": "%s", "datasetId": "something/else" }
                """.formatted(MANIFEST);

        ArcNotifyEvent read = Json.model().readValue(json, ArcNotifyEvent.class);

        assertThat(read).isEqualTo(event);
        assertThat(read.datasetId()).isEqualTo("ingress/20220101");
    }

    @Test
    void readsTheDetailOfAnEventBridgeEvent() throws Exception {
        String envelope = """
                { "version": "0", "source": "clusterless.arc", "detail-type": "Clusterless Arc Notification",
                  "detail": %s }
                """.formatted(Json.records().writeValueAsString(event));

        JsonNode detail = Json.records().readTree(envelope).get("detail");

        assertThat(Json.records().treeToValue(detail, ArcNotifyEvent.class)).isEqualTo(event);
    }

    @Test
    void namesTheEventBridgeSourceAndDetailTypeListenerRulesMatch() {
        assertThat(ArcNotifyEvent.SOURCE).isEqualTo("clusterless.arc");
        assertThat(ArcNotifyEvent.DETAIL_TYPE).isEqualTo("Clusterless Arc Notification");
    }

    @Test
    void datasetIdIsNullWithoutADataset() {
        assertThat(new ArcNotifyEvent(null, "x", "y").datasetId()).isNull();
    }
}

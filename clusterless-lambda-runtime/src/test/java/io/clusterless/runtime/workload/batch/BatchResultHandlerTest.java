package io.clusterless.runtime.workload.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.ArcFixture;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lambda entry point of the batch result step, over a real S3 API. */
class BatchResultHandlerTest {
    @Test
    void streamHandler_returnsTheManifestTheContainerWrote() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start().bucket("manifests")) {
            ObjectStore store = server.store();
            ArcFixture arc = new ArcFixture("manifests", new SinkDataset("ingress", "1", "s3://data/ingress/"))
                    .sink("main", new SinkDataset("scored", "1", "s3://data/scored/"));
            ArcWorkloadContext context = arc.announce(store, List.of("s3://data/ingress/a.json"));
            new ManifestStore(store).create(arc.sinkLot("main").withState(ManifestState.empty),
                    Manifest.empty(ArcFixture.LOT));
            BatchResultHandler handler = new BatchResultHandler(
                    Map.of("CLS_ARC_PROPS_JSON", Json.records().writeValueAsString(arc.props())), server.clients());
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            handler.handleRequest(new ByteArrayInputStream(Json.records().writeValueAsBytes(context)), out, null);

            JsonNode result = Json.records().readTree(out.toByteArray());
            assertThat(result.path("main").asText())
                    .isEqualTo(arc.sinkLot("main").withState(ManifestState.empty).identifier());
        }
    }
}

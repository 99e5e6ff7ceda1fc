package io.clusterless.runtime.workload.gluejob;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.ArcFixture;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The glueJobArc's function over a real S3 API: prepare clears each sink's lot folder; result lists what the job run
 * wrote into the sink manifests (a sink it wrote nothing to gets an empty one) with the run's id; a finished lot is
 * not cleared again.
 */
class GlueJobHandlerTest {
    @Test
    void prepareClearsTheLotFoldersThenResultWritesEachSinksManifestOnce() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start().bucket("manifests").bucket("data").bucket("out")) {
            ObjectStore store = server.store();
            String features = "features/lot=" + ArcFixture.LOT + "/";
            store.put("out", features + "from-an-earlier-run.csv", new byte[]{1}, "x");
            ArcFixture arc = new ArcFixture("manifests", new SinkDataset("events", "1", "s3://data/events/"))
                    .sink("main", new SinkDataset("features", "1", "s3://out/features/"))
                    .sink("rejects", new SinkDataset("rejects", "1", "s3://out/rejects/"));
            ArcWorkloadContext context = arc.announce(store, Manifest.complete(ArcFixture.LOT, UriType.identifier,
                    List.of("s3://data/events/a.csv")));
            GlueJobHandler handler = new GlueJobHandler(Map.of("CLS_ARC_PROPS_JSON",
                    Json.records().writeValueAsString(arc.props())), server.clients());

            JsonNode prepared = call(handler, Map.of("step", "prepare", "context", context));

            assertThat(prepared.path("cleared").asInt()).isEqualTo(1);
            assertThat(store.listKeys("out", features, null).toList()).isEmpty();

            // what the job run writes
            store.put("out", features + "part-0.csv", "rows".getBytes(StandardCharsets.UTF_8), "text/csv");
            JsonNode result = call(handler, Map.of("step", "result", "context", context, "glue",
                    Map.of("Id", "jr_1", "ExecutionTime", 42, "JobRunState", "SUCCEEDED")));

            String main = arc.sinkLot("main").withState(ManifestState.complete).identifier();
            assertThat(result.path("main").asText()).isEqualTo(main);
            assertThat(result.path("rejects").asText())
                    .isEqualTo(arc.sinkLot("rejects").withState(ManifestState.empty).identifier());
            Manifest manifest = Json.records().readValue(store.get("manifests", main.substring(
                    "s3://manifests/".length())).orElseThrow().body(), Manifest.class);
            assertThat(manifest.uris()).containsExactly("s3://out/" + features + "part-0.csv");
            assertThat(manifest.comment()).isEqualTo("Glue job run jr_1 ran 42 s");

            // a duplicate run of the finished lot clears nothing
            JsonNode again = call(handler, Map.of("step", "prepare", "context", context));
            assertThat(again.path("cleared").asInt()).isZero();
            assertThat(store.listKeys("out", features, null).toList()).hasSize(1);
        }
    }

    private static JsonNode call(GlueJobHandler handler, Map<String, Object> request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.records().writeValueAsBytes(request)), out, null);
        return Json.records().readTree(out.toByteArray());
    }
}

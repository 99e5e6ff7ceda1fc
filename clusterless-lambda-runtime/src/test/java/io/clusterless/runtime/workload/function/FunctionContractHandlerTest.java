package io.clusterless.runtime.workload.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.ArcFixture;
import io.clusterless.engine.workload.WorkloadException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * cls's side of a lambdaExecArc on AWS, over a real S3 API, fed as the state machine feeds it: the event step, then
 * the result step with the user function's payload (an object, or the same as JSON text).
 */
class FunctionContractHandlerTest {
    @Test
    void theEventStepGivesTheLotAndTheResultStepWritesTheSinkManifest() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start().bucket("manifests").bucket("data")) {
            ObjectStore store = server.store();
            ArcFixture arc = new ArcFixture("manifests", new SinkDataset("ingress", "1", "s3://data/ingress/"))
                    .sink("main", new SinkDataset("scored", "1", "s3://data/scored/"));
            ArcWorkloadContext context = arc.announce(store, List.of("s3://data/ingress/a.json"));
            FunctionContractHandler handler = handler(arc, server);

            JsonNode event = call(handler, Map.of("step", "event", "context", context));

            assertThat(event.path("project").toString()).isEqualTo("{\"name\":\"Demo\",\"version\":\"1\"}");
            assertThat(event.path("arc").asText()).isEqualTo("score");
            assertThat(event.path("sources").path("main").path("uris").toString())
                    .isEqualTo("[\"s3://data/ingress/a.json\"]");
            assertThat(event.path("sinks").path("main").path("pathURI").asText()).isEqualTo("s3://data/scored/");

            store.put("data", "scored/a.json", "{}".getBytes(), "application/json");
            // Lambda may hand the payload over as JSON text
            JsonNode written = call(handler, Map.of("step", "result", "context", context,
                    "result", "{\"sinks\": {\"main\": [\"s3://data/scored/a.json\"]}}"));

            String manifest = written.path("main").asText();
            assertThat(manifest).isEqualTo(arc.sinkLot("main").withState(ManifestState.complete).identifier());
            Manifest read = new ManifestStore(store).read(manifest).orElseThrow();
            assertThat(read.uris()).containsExactly("s3://data/scored/a.json");
        }
    }

    @Test
    void aResultNamingAnObjectThatWasNeverWrittenFailsTheStep() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start().bucket("manifests").bucket("data")) {
            ArcFixture arc = new ArcFixture("manifests", new SinkDataset("ingress", "1", "s3://data/ingress/"))
                    .sink("main", new SinkDataset("scored", "1", "s3://data/scored/"));
            ArcWorkloadContext context = arc.announce(server.store(), List.of("s3://data/ingress/a.json"));
            ObjectNode result = Json.records().createObjectNode();
            result.putObject("sinks").putArray("main").add("s3://data/scored/never.json");

            assertThatThrownBy(() -> call(handler(arc, server), Map.of("step", "result", "context", context,
                    "result", result)))
                    .isInstanceOf(WorkloadException.class)
                    .hasMessage("the function returned 1 object(s) for sink role 'main' that do not exist: "
                            + "s3://data/scored/never.json; return only objects it wrote");
            assertThat(server.store().listAll("manifests", "datasets/name=scored/", null)).isEmpty();
        }
    }

    private static FunctionContractHandler handler(ArcFixture arc, S3ProxyServer server) throws Exception {
        return new FunctionContractHandler(Map.of("CLS_ARC_PROPS_JSON", Json.records().writeValueAsString(arc.props()),
                FunctionContractHandler.PROJECT_NAME_VARIABLE, "Demo",
                FunctionContractHandler.PROJECT_VERSION_VARIABLE, "1",
                FunctionContractHandler.ARC_NAME_VARIABLE, "score"), server.clients());
    }

    private static JsonNode call(FunctionContractHandler handler, Map<String, Object> input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.records().writeValueAsBytes(input)), out, null);
        return Json.records().readTree(out.toByteArray());
    }
}

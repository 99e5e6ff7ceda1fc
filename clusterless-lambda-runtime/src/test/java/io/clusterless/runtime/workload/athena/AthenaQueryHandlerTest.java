package io.clusterless.runtime.workload.athena;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.ArcFixture;
import io.clusterless.engine.workload.athena.AthenaQueryProps;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.core.arc.athena.AthenaFormat;
import io.clusterless.model.core.arc.athena.SourceTable;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The athenaQueryArc's function over a real S3 API: prepare clears the lot's folder and returns the lot's UNLOAD;
 * result lists what UNLOAD wrote into the sink manifest with the scanned bytes; a lot that has its manifest is not
 * cleared again.
 */
class AthenaQueryHandlerTest {
    private static final SourceTable TABLE = new SourceTable(null, "clicks", "raw", "s3://data/csv/",
            List.of(new SourceTable.Column("url", "string")), List.of(new SourceTable.Column("day", "string")), "csv");

    @Test
    void prepareClearsTheLotAndReturnsItsUnloadThenResultWritesTheManifestOnce() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start().bucket("manifests").bucket("data").bucket("out")) {
            ObjectStore store = server.store();
            String folder = "parquet/lot=" + ArcFixture.LOT + "/";
            store.put("out", folder + "day=2023-02-26/from-an-earlier-run.parquet", new byte[]{1}, "x");
            AthenaQueryProps query = new AthenaQueryProps("SELECT url, day FROM ${source.main.table} WHERE "
                    + "${source.main.lotPredicate}", AthenaFormat.PARQUET, "SNAPPY", ",", List.of("day"), "primary",
                    null, Map.of("main", TABLE));
            ArcFixture arc = new ArcFixture("manifests", new SinkDataset("clicks-partitions", "1", "glue:///clicks/raw"))
                    .sink("main", new SinkDataset("clicks-parquet", "1", "s3://out/parquet/"))
                    .workloadProps(Json.records().writeValueAsString(query.toTree()));
            ArcWorkloadContext context = arc.announce(store, Manifest.complete(ArcFixture.LOT, UriType.identifier,
                    List.of("glue:///clicks/raw/day=2023-02-27")));
            AthenaQueryHandler handler = new AthenaQueryHandler(Map.of("CLS_ARC_PROPS_JSON",
                    Json.records().writeValueAsString(arc.props())), server.clients());

            JsonNode prepared = call(handler, Map.of("step", "prepare", "context", context));

            assertThat(prepared.path("statement").asText()).isEqualTo("UNLOAD (SELECT url, day FROM \"clicks\".\"raw\" "
                    + "WHERE (\"day\" = '2023-02-27')\n)\nTO 's3://out/" + folder + "'\nWITH (format = 'PARQUET', "
                    + "compression = 'SNAPPY', partitioned_by = ARRAY['day'])");
            assertThat(store.listKeys("out", folder, null).toList()).isEmpty();

            // what UNLOAD writes
            store.put("out", folder + "day=2023-02-27/20230227_q1.parquet", "rows".getBytes(StandardCharsets.UTF_8),
                    "application/octet-stream");
            JsonNode result = call(handler, Map.of("step", "result", "context", context, "athena",
                    Map.of("QueryExecution", Map.of("Statistics", Map.of("DataScannedInBytes", 1234)))));

            String manifestUri = arc.sinkLot("main").withState(ManifestState.complete).identifier();
            assertThat(result.path("main").asText()).isEqualTo(manifestUri);
            Manifest manifest = Json.records().readValue(store.get("manifests", manifestUri.substring(
                    "s3://manifests/".length())).orElseThrow().body(), Manifest.class);
            assertThat(manifest.uris()).containsExactly("s3://out/" + folder + "day=2023-02-27/20230227_q1.parquet");
            assertThat(manifest.comment()).isEqualTo("Athena scanned 1234 bytes");

            // a duplicate run of the finished lot touches nothing
            JsonNode again = call(handler, Map.of("step", "prepare", "context", context));
            assertThat(again.path("statement").asText()).isEqualTo(AthenaQueryHandler.NOTHING);
            assertThat(store.listKeys("out", folder, null).toList()).hasSize(1);
        }
    }

    private static JsonNode call(AthenaQueryHandler handler, Map<String, Object> request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.records().writeValueAsBytes(request)), out, null);
        return Json.records().readTree(out.toByteArray());
    }
}

package io.clusterless.runtime.workload.glue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.ArcFixture;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.runtime.aws.GlueTables;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.testing.MotoServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lambda entry point against one AWS endpoint (moto_server) for both the manifest bucket and Glue. */
class GlueAddPartitionsHandlerTest {
    @Test
    void streamHandler_registersTheLotsPartitions() throws Exception {
        MotoServer moto = MotoServer.get();
        moto.reset();
        S3Client s3 = moto.clients().s3();
        s3.createBucket(b -> b.bucket("manifests"));
        ObjectStore store = new S3ObjectStore(s3);
        GlueTables tables = new GlueTables(moto.clients());
        tables.create("logs", "access", "s3://data/access/", "day");
        ArcFixture arc = new ArcFixture("manifests", new SinkDataset("access-logs", "1", "s3://data/access/"))
                .sink("main", new SinkDataset("access-table", "1", "glue:///logs/access"));
        ArcWorkloadContext context = arc.announce(store, List.of("s3://data/access/day=2023-02-06/a.parquet"));
        GlueAddPartitionsHandler handler = new GlueAddPartitionsHandler(
                Map.of("CLS_ARC_PROPS_JSON", Json.records().writeValueAsString(arc.props())), moto.clients());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(Json.records().writeValueAsBytes(context)), out, null);

        JsonNode result = Json.records().readTree(out.toByteArray());
        assertThat(result.path("main").asText())
                .isEqualTo(arc.sinkLot("main").withState(ManifestState.complete).identifier());
        assertThat(tables.partitions("logs", "access")).singleElement()
                .satisfies(p -> assertThat(p.path("Values").path(0).asText()).isEqualTo("2023-02-06"));
    }
}

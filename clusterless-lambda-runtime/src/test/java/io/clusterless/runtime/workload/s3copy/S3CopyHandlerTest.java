package io.clusterless.runtime.workload.s3copy;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.ArcFixture;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsSettings;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Lambda entry point: Step Functions' JSON in, sink manifests out, props from the environment. */
class S3CopyHandlerTest {
    @Test
    void streamHandler_copiesTheLotNamedByTheWorkloadContext() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start().bucket("manifests").bucket("data").bucket("copies")) {
            ObjectStore store = server.store();
            store.put("data", "ingress/a.txt", "a".getBytes(StandardCharsets.UTF_8), "text/plain");
            ArcFixture arc = new ArcFixture("manifests", new SinkDataset("ingress", "1", "s3://data/ingress/"))
                    .sink("main", new SinkDataset("copy", "1", "s3://copies/"));
            ArcWorkloadContext context = arc.announce(store, List.of("s3://data/ingress/a.txt"));
            S3CopyHandler handler = new S3CopyHandler(Map.of("CLS_ARC_PROPS_JSON",
                    Json.records().writeValueAsString(arc.props()), S3CopyHandler.PARALLELISM_VARIABLE, "2"),
                    server.clients());
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            handler.handleRequest(new ByteArrayInputStream(Json.records().writeValueAsBytes(context)), out, null);

            JsonNode result = Json.records().readTree(out.toByteArray());
            assertThat(result.path("main").asText())
                    .isEqualTo(arc.sinkLot("main").withState(ManifestState.complete).identifier());
            assertThat(store.head("copies", "a.txt")).isPresent();
        }
    }

    /** Clients that are never used: these tests fail before any request. */
    private static final AwsClients OFFLINE = new AwsClients(AwsSettings.of(Map.of("AWS_REGION", "us-east-1")),
            AnonymousCredentialsProvider.create());

    @Test
    void missingProps_sayWhichVariableToSet() {
        assertThatThrownBy(() -> new S3CopyHandler(Map.of(), OFFLINE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLS_ARC_PROPS_JSON is not set");
    }

    @Test
    void invalidParallelism_isRejected() {
        assertThatThrownBy(() -> new S3CopyHandler(Map.of("CLS_ARC_PROPS_JSON", "{}",
                S3CopyHandler.PARALLELISM_VARIABLE, "0"), OFFLINE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 1, found: 0");
    }
}

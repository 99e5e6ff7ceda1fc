package io.clusterless.runtime.arc;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arc.ArcStateProps;
import io.clusterless.arc.ProjectId;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsSettings;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.uri.ArcStateURI;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The start gate's Lambda entry point takes a roll-up's late tick (ADR-0012) as its schedule rule sends it,
 * {@code {"lateTick": "<time>"}}, and starts the lot whose deadline last passed with what is there.
 */
class LateTickHandlerTest {
    private static final Instant HOUR = Instant.parse("2023-02-27T10:00:00Z");
    private static S3ProxyServer server;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket("arc-state").bucket("manifests");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aLateTickStartsTheLotWhoseDeadlinePassed_withTheLotsThatAreThere() throws Exception {
        String version = UUID.randomUUID().toString().substring(0, 8);
        SourceDataset orders = new SourceDataset("orders", version, true);
        for (int i = 0; i < 12; i++) {
            if (i != 7) {
                String lot = LotId.of(LotUnit.TWELFTHS, HOUR).plus(i).format();
                new ManifestStore(server.store()).create(ManifestURI.of("manifests", orders).withLot(lot)
                        .withState(ManifestState.complete), new Manifest(ManifestState.complete, null, lot,
                        UriType.identifier, List.of("s3://data/orders/" + lot + ".csv")));
            }
        }
        ArcStartHandler handler = handler(props(orders, Duration.ofHours(2)));
        String tick = HOUR.plus(Duration.ofHours(3)).plusSeconds(20).toString(); // the rule fires a little late

        JsonNode started = call(handler, "{\"lateTick\": \"" + tick + "\"}");

        assertThat(started.path("currentState").asText()).isEqualTo("running");
        assertThat(started.at("/arcWorkloadContext/arcNotifyEvent/lot").asText()).isEqualTo("20230227PT1H010");
        assertThat(started.at("/arcWorkloadContext/coveredManifests/main").size()).isEqualTo(11);
        assertThat(call(handler, "{\"lateTick\": \"" + tick + "\"}").path("previousState").asText())
                .as("a repeated tick finds the run").isEqualTo("running");
    }

    @Test
    void aLateTickForAnArcWithoutLateAfterIsRefused() {
        SourceDataset orders = new SourceDataset("orders", "1", true);
        ArcStartHandler handler = handler(props(orders, null));
        assertThatThrownBy(() -> call(handler, "{\"lateTick\": \"2023-02-27T13:00:00Z\"}"))
                .hasMessageContaining("was given a late tick, but it is not a roll-up with lateAfter");
    }

    private static ArcGateProps props(SourceDataset source, Duration lateAfter) {
        String name = "hourly-" + UUID.randomUUID().toString().substring(0, 8);
        SinkDataset sink = new SinkDataset("hourly", "1", "s3://data/hourly/");
        return new ArcGateProps(new ArcStateProps(new ProjectId("p", "1"), name, Map.of("main", source),
                Map.of("main", sink), ArcStateURI.of("arc-state", "p", "1", name).template(), "bus"),
                Map.of("main", ManifestURI.of("manifests", sink).template()), null,
                Map.of("main", ManifestURI.of("manifests", source).template()),
                new ArcGateProps.RollUp(LotUnit.HOURS, lateAfter, Map.of("main", LotUnit.TWELFTHS)));
    }

    private static ArcStartHandler handler(ArcGateProps props) {
        AwsClients clients = new AwsClients(AwsSettings.of(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_S3", server.endpoint().toString())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY,
                        S3ProxyServer.SECRET_KEY)));
        return new ArcStartHandler(Map.of(ArcHandlerProps.VARIABLE, props.toJson()), clients);
    }

    private static JsonNode call(ArcStartHandler handler, String input) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes()), output, null);
        return Json.records().readTree(output.toByteArray());
    }
}

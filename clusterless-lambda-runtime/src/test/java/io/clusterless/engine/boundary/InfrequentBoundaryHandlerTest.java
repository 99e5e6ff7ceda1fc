package io.clusterless.engine.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.core.boundary.s3put.LotSource;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsSettings;
import io.clusterless.runtime.boundary.InfrequentBoundaryHandler;
import io.clusterless.runtime.testing.MotoServer;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Lambda entry point reads its props from the environment and handles the event stream as Lambda sends it. */
class InfrequentBoundaryHandlerTest {
    @Test
    void streamHandler_writesTheManifestAndPublishes_withPropsFromTheEnvironment() throws Exception {
        MotoServer moto = MotoServer.get();
        try (S3ProxyServer s3 = S3ProxyServer.start().bucket("handler-data").bucket("handler-manifests")) {
            SinkDataset dataset = new SinkDataset("handled", "1", "s3://handler-data/in/");
            BoundaryProps props = BoundaryProps.builder().lotUnit(LotUnit.TWELFTHS).dataset(dataset)
                    .manifestBucket("handler-manifests").eventBusName("handler-bus")
                    .lotSource(LotSource.eventTime).build();
            Map<String, String> environment = new HashMap<>(moto.environment());
            environment.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
            environment.put(InfrequentBoundaryHandler.PROPS_VARIABLE, props.toJson());
            AwsClients clients = new AwsClients(AwsSettings.of(environment), StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)));
            ArcBusProbe probe = new ArcBusProbe(moto.clients(), "handler-bus");
            s3.store().put("handler-data", "in/a.json", "{}".getBytes(StandardCharsets.UTF_8), "application/json");

            InfrequentBoundaryHandler handler = new InfrequentBoundaryHandler(environment, clients);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String event = InfrequentBoundaryTest.event(Instant.parse("2023-02-06T23:51:10Z"), "handler-data",
                    "in/a.json");
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);

            JsonNode outcome = Json.records().readTree(out.toByteArray());
            assertThat(outcome.path("kind").asText()).isEqualTo("MANIFESTED");
            assertThat(outcome.path("lot").asText()).isEqualTo("20230206PT5M286");
            List<ArcNotifyEvent> events = probe.drain();
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.lot()).isEqualTo("20230206PT5M286");
                assertThat(e.dataset().id()).isEqualTo("handled/1");
            });
            assertThat(s3.store().get("handler-manifests", events.get(0).manifest()
                    .substring("s3://handler-manifests/".length()))).isPresent();
        }
    }

    @Test
    void missingProps_failsAtConstructionNamingTheVariable() {
        assertThatThrownBy(() -> new InfrequentBoundaryHandler(Map.of(), AwsClients.fromEnvironment()))
                .hasMessageContaining(InfrequentBoundaryHandler.PROPS_VARIABLE);
    }
}

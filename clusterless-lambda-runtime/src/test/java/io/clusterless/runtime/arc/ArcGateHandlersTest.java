package io.clusterless.runtime.arc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.arc.ArcEventBus;
import io.clusterless.engine.arc.ArcFixture;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.json.Json;
import io.clusterless.manifest.ManifestState;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsSettings;
import io.clusterless.runtime.testing.MotoServer;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Lambda entry points speak the state machine's JSON: the document in, the document out. */
class ArcGateHandlersTest {
    private static final String LOT = "20230227PT5M287";
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
    void startThenCompleteHandlers_runALotThroughTheStateMachineDocument() throws Exception {
        MotoServer moto = MotoServer.get();
        ArcEventBus bus = ArcEventBus.create(moto);
        ArcFixture arc = new ArcFixture(server.store(), "arc-state", "manifests", "copy-" + UUID.randomUUID().toString()
                .substring(0, 8), bus.busName());
        AwsClients clients = new AwsClients(AwsSettings.of(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_S3", server.endpoint().toString(), "AWS_ENDPOINT_URL_EVENTS", moto.endpoint().toString())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)));
        Map<String, String> environment = Map.of(ArcHandlerProps.VARIABLE, arc.props.toJson());

        JsonNode started = call(new ArcStartHandler(environment, clients), Json.records().valueToTree(arc.event(LOT)));

        assertThat(started.path("previousState").isNull()).isTrue();
        assertThat(started.path("currentState").asText()).isEqualTo("running");
        assertThat(started.at("/arcWorkloadContext/role").asText()).isEqualTo("main");
        assertThat(started.path("arcAttempt").asText()).isNotBlank();

        // the workload's task writes its result to $.sinkManifests; everything else passes through
        ObjectNode afterWorkload = started.deepCopy();
        afterWorkload.putObject("sinkManifests")
                .put("main", arc.sinkManifest("main", LOT, ManifestState.complete, null))
                .put("archive", arc.sinkManifest("archive", LOT, ManifestState.empty, null));
        JsonNode completed = call(new ArcCompleteHandler(environment, clients), afterWorkload);

        assertThat(completed.path("previousState").asText()).isEqualTo("running");
        assertThat(completed.path("currentState").asText()).isEqualTo("complete");
        assertThat(bus.drain()).hasSize(2);
    }

    @Test
    void theStartHandlerRunsAScheduleTick_theLotThatEndedBeforeIt_onceForTwoDeliveries() throws Exception {
        ArcFixture arc = new ArcFixture(server.store(), "arc-state", "manifests", "report-" + UUID.randomUUID()
                .toString().substring(0, 8), "bus");
        AwsClients clients = new AwsClients(AwsSettings.of(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_S3", server.endpoint().toString())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)));
        Map<String, String> environment = Map.of(ArcHandlerProps.VARIABLE, arc.props.toJson(),
                ArcStartHandler.TICK_LOT_UNIT_VARIABLE, "Twelfths");
        // what the schedule rule's input transformer writes into $.detail
        JsonNode tick = Json.records().readTree("{\"tick\": \"2023-02-28T00:00:04Z\"}");

        JsonNode started = call(new ArcStartHandler(environment, clients), tick);
        JsonNode again = call(new ArcStartHandler(environment, clients), tick);

        assertThat(started.path("currentState").asText()).isEqualTo("running");
        assertThat(started.at("/arcWorkloadContext/arcNotifyEvent/lot").asText()).isEqualTo(LOT);
        assertThat(again.path("previousState").asText()).as("the second delivery finds the run").isEqualTo("running");
        assertThatThrownBy(() -> call(new ArcStartHandler(Map.of(ArcHandlerProps.VARIABLE, arc.props.toJson()),
                clients), tick)).hasMessageContaining("CLS_ARC_TICK_LOT_UNIT is not set");
    }

    @Test
    void props_roundTripAsOneFlatDocument_thatPlainArcStatePropsReadersStillRead() throws Exception {
        ArcFixture arc = new ArcFixture(server.store(), "arc-state", "manifests", "copy", "bus");
        ArcGateProps props = arc.props(Duration.ofMinutes(20));

        String json = props.toJson();

        assertThat(ArcGateProps.fromJson(json)).isEqualTo(props);
        assertThat(Json.records().readTree(json).path("runningTimeout").asText()).isEqualTo("PT20M");
        assertThat(Json.records().readValue(json, io.clusterless.arc.ArcStateProps.class)).isEqualTo(props.arc());
        String plain = Json.records().writeValueAsString(props.arc());
        assertThat(ArcGateProps.fromJson(plain).runningTimeout()).isEqualTo(ArcGateProps.DEFAULT_RUNNING_TIMEOUT);
    }

    @Test
    void props_badOrMissing_failWithTheVariableAndTheFix() {
        assertThatThrownBy(() -> ArcHandlerProps.fromEnvironment(Map.of()))
                .hasMessageContaining("CLS_ARC_STATE_PROPS_JSON is not set");
        assertThatThrownBy(() -> ArcHandlerProps.fromEnvironment(Map.of(ArcHandlerProps.VARIABLE,
                "{\"name\": \"a\", \"runningTimeout\": \"30 minutes\"}")))
                .hasMessageContaining("CLS_ARC_STATE_PROPS_JSON")
                .hasMessageContaining("runningTimeout is not an ISO-8601 duration: '30 minutes', expected e.g. PT30M");
    }

    private static JsonNode call(io.clusterless.runtime.lambda.JsonStreamHandler<?, ?> handler, JsonNode input) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.records().writeValueAsBytes(input)), output, null);
        return Json.records().readTree(output.toByteArray());
    }
}

package io.clusterless.runtime.arc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.arc.ArcStateProps;
import io.clusterless.arc.ProjectId;
import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.arc.ArcEventBus;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.arc.AttemptEnd;
import io.clusterless.engine.arc.LotRuns;
import io.clusterless.engine.workload.ArcFixture;
import io.clusterless.engine.workload.athena.AthenaQueryProps;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.core.arc.athena.AthenaFormat;
import io.clusterless.model.core.arc.athena.SourceTable;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsSettings;
import io.clusterless.runtime.testing.MotoServer;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.runtime.workload.athena.AthenaQueryHandler;
import io.clusterless.uri.ArcStateURI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The athenaQueryArc's state machine document from the start gate through the query's result to the complete gate,
 * over a real S3 API (s3proxy) and EventBridge (moto): the Athena task's output, shaped as the state machine's
 * ResultSelector leaves the real {@code startQueryExecution.sync} output, carries DataScannedInBytes; the QueryResult
 * function puts it into {@code workloadMetrics}; the complete gate records it in the run's end record and history.
 */
class AthenaScannedBytesRecordTest {
    private static final String LOT = ArcFixture.LOT;
    private static final SourceTable TABLE = new SourceTable(null, "clicks", "raw", "s3://data/csv/",
            List.of(new SourceTable.Column("url", "string")), List.of(new SourceTable.Column("day", "string")), "csv");

    @Test
    void athenasScannedBytes_areRecordedInTheRunsEndRecord_byTheCompleteGate() throws Exception {
        MotoServer moto = MotoServer.get();
        ArcEventBus bus = ArcEventBus.create(moto);
        try (S3ProxyServer server = S3ProxyServer.start().bucket("arc-state").bucket("manifests").bucket("data")
                .bucket("out")) {
            AthenaQueryProps query = new AthenaQueryProps("SELECT url, day FROM ${source.main.table} WHERE "
                    + "${source.main.lotPredicate}", AthenaFormat.PARQUET, "SNAPPY", ",", List.of("day"), "primary",
                    null, Map.of("main", TABLE));
            SinkDataset sink = new SinkDataset("clicks-parquet", "1", "s3://out/parquet/");
            ArcFixture arc = new ArcFixture("manifests", new SinkDataset("clicks-partitions", "1", "glue:///clicks/raw"))
                    .sink("main", sink)
                    .workloadProps(Json.records().writeValueAsString(query.toTree()));
            ArcWorkloadContext incoming = arc.announce(server.store(), Manifest.complete(LOT, UriType.identifier,
                    List.of("glue:///clicks/raw/day=2023-02-27")));
            ArcGateProps gateProps = new ArcGateProps(new ArcStateProps(new ProjectId("clicks", "1"), "toParquet",
                    arc.props().sources(), arc.props().sinks(),
                    ArcStateURI.of("arc-state", "clicks", "1", "toParquet").template(), bus.busName()),
                    arc.props().sinkManifestTemplates(), Duration.ofMinutes(30));
            AwsClients clients = new AwsClients(AwsSettings.of(Map.of("AWS_REGION", "us-east-1",
                    "AWS_ENDPOINT_URL_S3", server.endpoint().toString(),
                    "AWS_ENDPOINT_URL_EVENTS", moto.endpoint().toString())),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY,
                            S3ProxyServer.SECRET_KEY)));
            Map<String, String> gates = Map.of(ArcHandlerProps.VARIABLE, gateProps.toJson());
            AthenaQueryHandler function = new AthenaQueryHandler(Map.of("CLS_ARC_PROPS_JSON",
                    Json.records().writeValueAsString(arc.props())), server.clients());

            ObjectNode state = (ObjectNode) call(new ArcStartHandler(gates, clients),
                    Json.records().valueToTree(incoming.arcNotifyEvent()));
            String attempt = state.path("arcAttempt").asText();
            assertThat(state.path("currentState").asText()).isEqualTo("running");
            state.set("athenaQuery", call(function, Json.records().valueToTree(Map.of("step", "prepare",
                    "context", state.path("arcWorkloadContext")))));
            // what UNLOAD writes, and the Athena task's output as RunQuery's ResultSelector leaves it
            server.store().put("out", "parquet/lot=" + LOT + "/day=2023-02-27/20230227_q1.parquet",
                    "rows".getBytes(StandardCharsets.UTF_8), "application/octet-stream");
            state.set(AthenaQueryHandler.ATHENA_RESULT, Json.records().readTree("""
                    {"QueryExecution": {"QueryExecutionId": "8f2e5c1a-0d4b-4c7e-9a51-3b6f0e2d7c90",
                      "Statistics": {"EngineExecutionTimeInMillis": 1843, "DataScannedInBytes": 48213577,
                        "TotalExecutionTimeInMillis": 2012, "QueryQueueTimeInMillis": 96,
                        "ServicePreProcessingTimeInMillis": 41, "QueryPlanningTimeInMillis": 312,
                        "ServiceProcessingTimeInMillis": 32,
                        "ResultReuseInformation": {"ReusedPreviousResult": false}}}}"""));

            JsonNode result = call(function, Json.records().valueToTree(Map.of("step", "result", "state", state)));

            assertThat(result.at("/workloadMetrics/athenaScannedBytes").asLong()).isEqualTo(48_213_577L);
            assertThat(result.at("/sinkManifests/main").asText()).startsWith("s3://manifests/");
            assertThat(result.path("arcAttempt").asText()).as("the rest of the document passes through")
                    .isEqualTo(attempt);

            JsonNode completed = call(new ArcCompleteHandler(gates, clients), result);

            assertThat(completed.path("currentState").asText()).isEqualTo("complete");
            ArcStateStore states = new ArcStateStore(server.store(), gateProps.arcStateURI(), Clock.systemUTC());
            AttemptEnd end = states.attemptEnd(LOT, attempt).orElseThrow();
            assertThat(end.workloadMetrics()).containsExactly(Map.entry("athenaScannedBytes", 48_213_577L));
            String record = new String(server.store().get("arc-state", gateProps.arcStateURI().withLot(LOT)
                    .attemptEndKey(attempt)).orElseThrow().body(), StandardCharsets.UTF_8);
            assertThat(Json.records().readTree(record).at("/workloadMetrics/athenaScannedBytes").asLong())
                    .isEqualTo(48_213_577L);
            assertThat(LotRuns.of(LOT, ArcState.complete, states.history(LOT)).workloadMetrics())
                    .containsEntry("athenaScannedBytes", 48_213_577L);
            assertThat(bus.drain()).hasSize(1);
        }
    }

    private static JsonNode call(io.clusterless.runtime.lambda.JsonStreamHandler<?, ?> handler, JsonNode input)
            throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.records().writeValueAsBytes(input)), output, null);
        return Json.records().readTree(output.toByteArray());
    }
}

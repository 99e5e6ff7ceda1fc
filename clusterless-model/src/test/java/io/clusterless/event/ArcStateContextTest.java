package io.clusterless.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arcstate.ArcState;
import io.clusterless.json.Json;
import io.clusterless.model.SinkDataset;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArcStateContextTest {
    private final ArcNotifyEvent event = new ArcNotifyEvent(new SinkDataset("ingress", "20220101", "s3://bucket/ingress/"),
            "20230227PT5M287", "s3://m/datasets/name=ingress/version=20220101/lot=20230227PT5M287/state=complete/manifest.json");
    private final ArcWorkloadContext workload = new ArcWorkloadContext("main", event);

    @Test
    void workloadContextSerialisesRoleEventAndAnEmptyPartialManifestMap() throws Exception {
        JsonNode json = Json.records().valueToTree(workload);

        assertThat(json.fieldNames()).toIterable().containsExactly("role", "arcNotifyEvent", "existingPartialManifests");
        assertThat(json.get("role").asText()).isEqualTo("main");
        assertThat(json.get("arcNotifyEvent").get("datasetId").asText()).isEqualTo("ingress/20220101");
        assertThat(json.get("existingPartialManifests").isObject()).isTrue();
        assertThat(json.get("existingPartialManifests").size()).isZero();
    }

    @Test
    void workloadContextRoundTripsThroughJson() throws Exception {
        ArcWorkloadContext withPartials = new ArcWorkloadContext("main", event, Map.of("main", List.of("s3://a", "s3://b")));

        String json = Json.records().writeValueAsString(withPartials);

        assertThat(Json.records().readValue(json, ArcWorkloadContext.class)).isEqualTo(withPartials);
        assertThat(Json.records().readValue("{\"role\": \"main\"}", ArcWorkloadContext.class).existingPartialManifests())
                .isEmpty();
    }

    @Test
    void workloadErrorUsesTheCapitalisedKeysStepFunctionsWrites() throws Exception {
        String json = Json.records().writeValueAsString(new WorkloadError("States.TaskFailed", "{\"errorMessage\":\"x\"}"));

        assertThat(json.replaceAll("\\s", "")).isEqualTo("{\"Error\":\"States.TaskFailed\",\"Cause\":\"{\\\"errorMessage\\\":\\\"x\\\"}\"}");
        assertThat(Json.records().readValue(json, WorkloadError.class))
                .isEqualTo(new WorkloadError("States.TaskFailed", "{\"errorMessage\":\"x\"}"));
    }

    @Test
    void stateContextSerialisesInTheStateMachinesPropertyOrder() throws Exception {
        ArcStateContext context = new ArcStateContext(null, ArcState.running, workload, null, null, null);

        JsonNode json = Json.records().valueToTree(context);

        assertThat(json.fieldNames()).toIterable().containsExactly("previousState", "currentState",
                "arcWorkloadContext", "sinkManifests", "workloadResponse", "workloadError");
        assertThat(json.get("previousState").isNull()).isTrue();
        assertThat(json.get("currentState").asText()).isEqualTo("running");
    }

    @Test
    void stateContextRoundTripsWithAWorkloadResponseAndError() throws Exception {
        JsonNode response = Json.records().readTree("{\"JobId\": \"42\", \"Status\": \"FAILED\"}");
        ArcStateContext context = new ArcStateContext(ArcState.partial, ArcState.missing, workload,
                Map.of("main", "s3://m/x/manifest.json"), response, new WorkloadError("Batch.Failed", "exit 1"));

        String json = Json.records().writeValueAsString(context);

        assertThat(Json.records().readValue(json, ArcStateContext.class)).isEqualTo(context);
    }

    @Test
    void stateContextRoundTripsWithoutOptionalParts() throws Exception {
        ArcStateContext context = new ArcStateContext(null, ArcState.running, workload, null, null, null);

        String json = Json.records().writeValueAsString(context);
        ArcStateContext read = Json.records().readValue(json, ArcStateContext.class);

        assertThat(read).isEqualTo(context);
        assertThat(read.workloadResponse()).as("JSON null reads as absent, not a NullNode").isNull();
        assertThat(read.sinkManifests()).isEmpty();
    }

    @Test
    void readsAStateMachineDocumentCarryingExtraPaths() throws Exception {
        // The state machine may add paths of its own (e.g. a Catch's intermediate result); readers skip them.
        String json = """
                { "previousState": null, "currentState": "running",
                  "arcWorkloadContext": { "role": "main", "arcNotifyEvent": %s, "existingPartialManifests": {} },
                  "sinkManifests": { "main": "s3://m/y/manifest.json" },
                  "workloadError": { "Error": "States.Timeout", "Cause": "timed out" },
                  "somethingElse": 1 }
                """.formatted(Json.records().writeValueAsString(event));

        ArcStateContext read = Json.records().readValue(json, ArcStateContext.class);

        assertThat(read.arcWorkloadContext()).isEqualTo(workload);
        assertThat(read.sinkManifests()).containsExactly(Map.entry("main", "s3://m/y/manifest.json"));
        assertThat(read.workloadError().error()).isEqualTo("States.Timeout");
        assertThat(read.workloadResponse()).isNull();
    }

    @Test
    void stateContextCarriesTheArcAttemptOnlyWhenSet() throws Exception {
        // The complete gate refuses a run that lost the lot; the token must survive the state machine's round trip.
        ArcStateContext context = new ArcStateContext(null, ArcState.running, workload, null, null, null, "a1b2");

        JsonNode json = Json.records().valueToTree(context);

        assertThat(json.get("arcAttempt").asText()).isEqualTo("a1b2");
        assertThat(Json.records().treeToValue(json, ArcStateContext.class)).isEqualTo(context);
        assertThat(Json.records().valueToTree(new ArcStateContext(null, ArcState.running, workload, null, null, null))
                .has("arcAttempt")).as("absent token, absent property").isFalse();
    }
}

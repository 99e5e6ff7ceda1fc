package io.clusterless.manifest;

import io.clusterless.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestTest {
    @Test
    void serialisesInTheDocumentedShapeAndOrder() throws Exception {
        Manifest manifest = Manifest.complete("20230227PT5M287", UriType.identifier,
                List.of("s3://bucket/ingress/y=2023/data.json"));

        String json = Json.records().writeValueAsString(manifest);

        assertThat(json.replaceAll("\\s", "")).isEqualTo("{\"state\":\"complete\",\"comment\":null,"
                + "\"lotId\":\"20230227PT5M287\",\"uriType\":\"identifier\","
                + "\"uris\":[\"s3://bucket/ingress/y=2023/data.json\"]}");
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        Manifest manifest = Manifest.partial("20230227PT5M287", UriType.path, List.of("s3://b/a/", "s3://b/c/"),
                "1 of 3 copies failed");

        String json = Json.records().writeValueAsString(manifest);

        assertThat(Json.records().readValue(json, Manifest.class)).isEqualTo(manifest);
    }

    @Test
    void readersIgnoreFieldsAddedByUserWorkloads() throws Exception {
        String json = """
                { "state": "empty", "lotId": "20230227PT5M287", "uriType": "identifier", "uris": [],
                  "dataset": { "name": "ingress", "version": "1" }, "producer": "my-container" }
                """;

        Manifest manifest = Json.records().readValue(json, Manifest.class);

        assertThat(manifest).isEqualTo(Manifest.empty("20230227PT5M287"));
    }

    @Test
    void missingUrisReadAsAnEmptyList() throws Exception {
        Manifest manifest = Json.records().readValue("{\"state\": \"empty\", \"lotId\": \"x\"}", Manifest.class);

        assertThat(manifest.uris()).isEmpty();
    }

    @Test
    void aManifestWithoutStateIsRejected() {
        assertThatThrownBy(() -> new Manifest(null, null, "x", UriType.identifier, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("manifest state is required");
        assertThatThrownBy(() -> Json.records().readValue("{\"lotId\": \"x\"}", Manifest.class))
                .hasMessageContaining("manifest state is required");
    }

    @Test
    void urisAreCopiedSoTheManifestCannotChangeLater() {
        List<String> uris = new ArrayList<>(List.of("s3://b/k"));
        Manifest manifest = Manifest.complete("x", UriType.identifier, uris);
        uris.add("s3://b/other");

        assertThat(manifest.uris()).containsExactly("s3://b/k");
        assertThatThrownBy(() -> manifest.uris().add("s3://b/z")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void uriTypesSerialiseInLowerCase() throws Exception {
        assertThat(Json.records().writeValueAsString(UriType.prefix)).isEqualTo("\"prefix\"");
        assertThat(Json.records().readValue("\"path\"", UriType.class)).isEqualTo(UriType.path);
    }
}

package io.clusterless.arc;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArcPropsTest {
    private static final String TEMPLATE = "s3://m/datasets/name=copy/version=1/lot={lot}/state={state}{/attempt*}/manifest.json";
    private final Map<String, SourceDataset> sources = Map.of("main", new SourceDataset("ingress", "20220101", true));
    private final Map<String, SinkDataset> sinks = Map.of("main", new SinkDataset("copy", "1", "s3://bucket/copy/"));

    @Test
    void arcPropsSerialiseInTheDocumentedShape() throws Exception {
        JsonNode workloadProps = Json.records().readTree("{\"failArcOnPartialPercent\": 0.1}");
        ArcProps props = new ArcProps(sources, sinks,
                Map.of("main", "s3://m/datasets/name=ingress/version=20220101/lot={lot}/state=complete/manifest.json"),
                Map.of("main", TEMPLATE), workloadProps);

        JsonNode json = Json.records().valueToTree(props);

        assertThat(json.fieldNames()).toIterable().containsExactly("sources", "sinks", "sourceManifestPaths",
                "sinkManifestTemplates", "workloadProps");
        assertThat(json.at("/sources/main/subscribe").asBoolean()).isTrue();
        assertThat(json.at("/sinks/main/pathURI").asText()).isEqualTo("s3://bucket/copy/");
        assertThat(json.at("/sinkManifestTemplates/main").asText()).isEqualTo(TEMPLATE);
        assertThat(json.at("/workloadProps/failArcOnPartialPercent").asDouble()).isEqualTo(0.1);
    }

    @Test
    void arcPropsRoundTripThroughJson() throws Exception {
        ArcProps props = new ArcProps(sources, sinks, Map.of(), Map.of("main", TEMPLATE),
                Json.records().readTree("{\"filter\": {\"excludes\": [\"**/_*\"]}}"));

        String json = Json.records().writeValueAsString(props);

        assertThat(Json.records().readValue(json, ArcProps.class)).isEqualTo(props);
    }

    @Test
    void arcPropsReadersIgnoreUnknownFieldsAndDefaultMissingMaps() throws Exception {
        ArcProps props = Json.records().readValue("{\"sources\": {\"main\": {\"name\": \"a\", \"version\": \"1\"}},"
                + " \"futureField\": true, \"workloadProps\": null}", ArcProps.class);

        assertThat(props.sources().get("main").isSubscribe()).as("subscribe defaults to true").isTrue();
        assertThat(props.sinks()).isEmpty();
        assertThat(props.sinkManifestTemplates()).isEmpty();
        assertThat(props.workloadProps()).isNull();
    }

    @Test
    void arcPropsKeepRoleOrderAndCannotBeChanged() {
        Map<String, String> templates = new LinkedHashMap<>();
        templates.put("second", "b");
        templates.put("first", "a");
        ArcProps props = new ArcProps(null, null, null, templates, null);
        templates.put("third", "c");

        assertThat(props.sinkManifestTemplates().keySet()).containsExactly("second", "first");
        assertThatThrownBy(() -> props.sinkManifestTemplates().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void arcStatePropsRoundTripThroughJson() throws Exception {
        ArcStateProps props = new ArcStateProps(new ProjectId("S3Simple", "20230101-00"), "copyA", sources, sinks,
                "s3://dev-clusterless-arc-state-123456789012-us-west-2/arcs/project=S3Simple/version=20230101-00"
                        + "/arc=copyA/lot={lot}/{state}.arc",
                "DEV-arc-events-us-west-2");

        String json = Json.records().writeValueAsString(props);

        assertThat(Json.records().readTree(json).fieldNames()).toIterable()
                .containsExactly("project", "name", "sources", "sinks", "arcStatePath", "eventBusName");
        assertThat(Json.records().readTree(json).get("project").toString())
                .isEqualTo("{\"name\":\"S3Simple\",\"version\":\"20230101-00\"}");
        assertThat(Json.records().readValue(json, ArcStateProps.class)).isEqualTo(props);
    }

    @Test
    void projectIdIsNameSlashVersion() {
        assertThat(new ProjectId("S3Simple", "20230101-00").id()).isEqualTo("S3Simple/20230101-00");
        assertThat(new ProjectId("S3Simple", "20230101-00")).hasToString("S3Simple/20230101-00");
    }
}

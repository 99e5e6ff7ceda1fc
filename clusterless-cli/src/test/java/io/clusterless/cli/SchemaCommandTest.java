package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cls schema}: a JSON Schema that editors and CI can check project files against. */
class SchemaCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Cls.Result result;
    private static JsonNode schemaNode;
    private static JsonSchema schema;

    @BeforeAll
    static void printSchema() throws IOException {
        result = Cls.run("schema");
        schemaNode = JSON.readTree(result.out());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
    }

    static List<Path> everyExampleFile() {
        return Examples.allStandalone();
    }

    /** The tree a project file holds, before defaults are merged in (Jsonnet evaluated, comments dropped). */
    private static ObjectNode treeOf(Path file) {
        return (ObjectNode) new ProjectLoader().load(ProjectSource.file(file)).tree().root().deepCopy();
    }

    private static ObjectNode simpleCopy() {
        return treeOf(Examples.file("simple-copy/project.json"));
    }

    @Test
    void schema_isDraft2020_12_onStdout() {
        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.err()).isEmpty();
        assertThat(schemaNode.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schemaNode.get("type").asText()).isEqualTo("object");
        assertThat(schemaNode.get("properties").fieldNames()).toIterable()
                .contains("project", "placement", "resources", "activities", "boundaries", "arcs");
    }

    @Test
    void schema_isItselfValidAgainstTheDraft2020_12MetaSchema() {
        JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.createObjectNode().put("$ref", "https://json-schema.org/draft/2020-12/schema"));

        assertThat(meta.validate(schemaNode)).isEmpty();
    }

    @Test
    void schema_namesEveryComponentType() {
        Set<String> types = new java.util.TreeSet<>();
        for (String list : List.of("resources", "activities", "boundaries", "arcs")) {
            schemaNode.at("/properties/" + list + "/items/properties/type/enum").forEach(t -> types.add(t.asText()));
        }

        assertThat(types).containsExactlyElementsOf(Cls.run("show", "component", "--list").outLines());
    }

    @ParameterizedTest
    @MethodSource("everyExampleFile")
    void everyExample_conformsToTheSchema(Path file) {
        Set<ValidationMessage> messages = schema.validate(treeOf(file));

        assertThat(messages).as("%s", file).isEmpty();
    }

    @Test
    void splitB_conformsToTheSchema_whichChecksOneFileAtATime() {
        assertThat(schema.validate(treeOf(Examples.file("others/split-b.json")))).isEmpty();
    }

    @Test
    void unknownTopLevelField_isRejected() {
        ObjectNode tree = simpleCopy();
        tree.put("colour", "blue");

        assertThat(schema.validate(tree)).extracting(ValidationMessage::getMessage)
                .anyMatch(message -> message.contains("colour"));
    }

    @Test
    void unknownFieldInsideAnArc_isRejected() {
        ObjectNode tree = simpleCopy();
        ((ObjectNode) tree.at("/arcs/0")).putObject("workload").putObject("runtimeProps").put("memorySizeMb", 1024);

        assertThat(schema.validate(tree)).extracting(ValidationMessage::getMessage)
                .anyMatch(message -> message.contains("memorySizeMb"));
    }

    @Test
    void unknownComponentType_isRejected() {
        ObjectNode tree = simpleCopy();
        ((ObjectNode) tree.at("/arcs/0")).put("type", "aws:core:s3MoveArc");

        assertThat(schema.validate(tree)).isNotEmpty();
    }

    @Test
    void missingPlacement_isRejected() {
        ObjectNode tree = simpleCopy();
        tree.remove("placement");

        assertThat(schema.validate(tree)).extracting(ValidationMessage::getMessage)
                .anyMatch(message -> message.contains("placement"));
    }

    @Test
    void wrongTypeOfValue_isRejected() {
        ObjectNode tree = simpleCopy();
        ArrayNode resources = (ArrayNode) tree.get("resources");
        ((ObjectNode) resources.get(0)).put("versioned", "yes");

        assertThat(schema.validate(tree)).extracting(ValidationMessage::getMessage)
                .anyMatch(message -> message.contains("versioned"));
    }
}

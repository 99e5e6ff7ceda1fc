package io.clusterless.model.shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.load.ExampleFiles;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.load.SampleProjects;
import io.clusterless.model.load.TreeReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema `cls` prints for editors must accept exactly the files the loader accepts structurally: every example,
 * and none of the mistakes the shape checker reports.
 */
class JsonSchemaWriterTest {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static ObjectNode schemaTree;
    private static JsonSchema schema;

    @BeforeAll
    static void writeSchema() {
        schemaTree = new JsonSchemaWriter(ComponentRegistry.defaultRegistry()).write();
        schema = FACTORY.getSchema(schemaTree);
    }

    @Test
    void schemaDeclaresDraft2020_12AndIsValidAgainstItsMetaSchema() {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));

        assertThat(schemaTree.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(metaSchema.validate(schemaTree)).isEmpty();
    }

    @Test
    void schemaAcceptsTheProjectThatUsesEveryComponentType() {
        assertThat(messages(SampleProjects.BASE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleFiles")
    void schemaAcceptsEveryExampleAsLoaded(Path file) {
        // GIVEN the tree the loader reads (for YAML and Jsonnet, the evaluated tree an editor plug-in would not see)
        JsonNode tree = new ProjectLoader().load(ProjectSource.file(file)).tree().root();

        // THEN the schema finds nothing wrong with it
        assertThat(schema.validate(tree)).isEmpty();
    }

    @Test
    void schemaRejectsAnUnknownFieldAndNamesIt() {
        Set<ValidationMessage> messages = messages(SampleProjects.edit("\"activities\": [", "\"activites\": ["));

        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.getType()).isEqualTo("additionalProperties");
            assertThat(message.getProperty()).isEqualTo("activites");
        });
    }

    @Test
    void schemaRejectsAnUnknownNestedFieldInsideAComponent() {
        Set<ValidationMessage> messages = messages(
                SampleProjects.edit("\"memorySizeMB\": 512", "\"memorySizeMb\": 512"));

        assertThat(messages).extracting(ValidationMessage::getProperty).contains("memorySizeMb");
        assertThat(messages).extracting(m -> m.getInstanceLocation().toString())
                .contains("$.arcs[0].workload.runtimeProps");
    }

    @Test
    void schemaRejectsAnUnknownComponentType() {
        Set<ValidationMessage> messages = messages(
                SampleProjects.edit("\"aws:core:s3CopyArc\"", "\"aws:core:s3Copy\""));

        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.getType()).isEqualTo("enum");
            assertThat(message.getInstanceLocation().toString()).isEqualTo("$.arcs[0].type");
        });
    }

    @Test
    void schemaRejectsAComponentTypeInTheWrongList() {
        Set<ValidationMessage> messages = messages(SampleProjects.edit("{\"type\": \"aws:core:glueDatabase\"",
                "{\"type\": \"aws:core:s3CopyArc\""));

        assertThat(messages).extracting(m -> m.getInstanceLocation().toString()).contains("$.resources[2].type");
    }

    @Test
    void schemaRejectsAWrongValueTypeInsideAComponent() {
        Set<ValidationMessage> messages = messages(
                SampleProjects.edit("\"memorySizeMB\": 512", "\"memorySizeMB\": \"512\""));

        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.getType()).isEqualTo("type");
            assertThat(message.getInstanceLocation().toString())
                    .isEqualTo("$.arcs[0].workload.runtimeProps.memorySizeMB");
        });
    }

    @Test
    void schemaRejectsAnObjectWhereTextIsExpected() {
        Set<ValidationMessage> messages = messages(
                SampleProjects.edit("\"name\": \"Demo\"", "\"name\": {\"first\": \"Demo\"}"));

        assertThat(messages).extracting(m -> m.getInstanceLocation().toString()).containsExactly("$.project.name");
    }

    @Test
    void schemaRejectsAMissingRequiredFieldAndAnyBarrier() {
        assertThat(messages(SampleProjects.edit(", \"bucketName\": \"dev-demo-data\"", "")))
                .extracting(ValidationMessage::getType).contains("required");
        assertThat(messages(SampleProjects.edit("\"arcs\": [", "\"barriers\": [{\"name\": \"join\"}],\n  \"arcs\": [")))
                .extracting(ValidationMessage::getType).containsExactly("maxItems");
    }

    static Stream<Named<Path>> exampleFiles() {
        return ExampleFiles.projectFiles().stream().map(file -> Named.of(ExampleFiles.relative(file), file));
    }

    private static Set<ValidationMessage> messages(String json) {
        return schema.validate(TreeReader.readJson("p.json", json).root());
    }
}

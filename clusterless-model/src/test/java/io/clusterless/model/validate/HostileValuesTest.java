package io.clusterless.model.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.load.SampleProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value synth or local run would refuse (or that would take local run outside its root) is refused by validate
 * first, one line at the field it is wrong in: a table of hostile values per field. Values that are legal where they
 * are (a leading digit in a dataset version, '.' in a dataset name) stay legal.
 */
class HostileValuesTest {
    private static final String LONG = "a".repeat(300);
    /** Refused by every name field. */
    private static final List<String> ALWAYS_BAD = List.of(";", "a;b", "$(id)", "a$(id)", "`id`", "a b", "ärc",
            "名前", "a/b", "..", "../x", "a\\b", "a\nb", "a=b", "", LONG, "-abc");

    @TempDir
    Path tmp;

    /** A field of the sample project, by JSON path, and how validate names it in messages. */
    record Field(String pointer, String shown, boolean leadingDigitLegal, boolean dotLegal) {
        @Override
        public String toString() {
            return shown;
        }
    }

    private static final List<Field> NAME_FIELDS = List.of(
            new Field("/project/name", "project.name", false, false),
            new Field("/project/version", "project.version", true, false),
            new Field("/placement/stage", "placement.stage", false, false),
            new Field("/resources/0/name", "resources[0].name", true, false),
            new Field("/resources/1/computeEnvironmentName", "resources[1].computeEnvironmentName", true, false),
            new Field("/resources/2/databaseName", "resources[2].databaseName", true, false),
            new Field("/resources/3/tableName", "resources[3].tableName", true, false),
            new Field("/activities/0/name", "activities[0].name", true, false),
            new Field("/boundaries/0/name", "boundaries[0].name", true, false),
            new Field("/boundaries/0/dataset/name", "boundaries[0].dataset.name", true, true),
            new Field("/boundaries/0/dataset/version", "boundaries[0].dataset.version", true, true),
            new Field("/arcs/0/name", "arcs[0].name", true, false),
            new Field("/arcs/1/name", "arcs[1].name", true, false),
            new Field("/arcs/0/sources/main/name", "arcs[0].sources.main.name", true, true),
            new Field("/arcs/0/sources/main/version", "arcs[0].sources.main.version", true, true),
            new Field("/arcs/0/sinks/main/name", "arcs[0].sinks.main.name", true, true),
            new Field("/arcs/0/sinks/main/version", "arcs[0].sinks.main.version", true, true));

    record Row(Field field, String value) {
        @Override
        public String toString() {
            return field + " = " + Json.model().valueToTree(value.length() > 40 ? value.substring(0, 40) + "…" : value);
        }
    }

    static Stream<Row> hostileNames() {
        List<Row> rows = new ArrayList<>();
        for (Field field : NAME_FIELDS) {
            for (String value : ALWAYS_BAD) {
                rows.add(new Row(field, value));
            }
            if (!field.leadingDigitLegal()) {
                rows.add(new Row(field, "1abc"));
            }
            if (!field.dotLegal()) {
                rows.add(new Row(field, "a.b"));
            }
        }
        return rows.stream();
    }

    @BeforeEach
    void imageFolder() throws IOException {
        Files.createDirectories(tmp.resolve("app"));
        Files.writeString(tmp.resolve("app/Dockerfile"), "FROM scratch\n");
    }

    @Test
    void theSampleProjectIsValid_soEveryRowTestsOnlyItsOwnValue() throws IOException {
        assertThat(problems(base())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileNames")
    void aHostileNameIsRefusedAtItsField(Row row) throws IOException {
        ObjectNode project = base();
        set(project, row.field().pointer(), row.value());

        List<String> problems = problems(project);

        // over-long project names and versions are reported where they make names too long: stack or function names
        String where = row.value().equals(LONG) && row.field().pointer().matches("/(project|placement)/.*")
                ? "(project.name|arcs\\[0\\].name)" : java.util.regex.Pattern.quote(row.field().shown());
        assertThat(problems).as("%s", row).anyMatch(line -> line.matches("project\\.json:\\d+:\\d+: " + where
                + ": .*"));
        assertThat(problems).as("one line each").allMatch(line -> !line.contains("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legalNames")
    void namesLegalWhereTheyAreStayLegal(Row row) throws IOException {
        ObjectNode project = base();
        set(project, row.field().pointer(), row.value());
        // a changed dataset id must be changed on both ends to stay owned
        if (row.field().pointer().startsWith("/boundaries/0/dataset/")) {
            set(project, row.field().pointer().replace("/boundaries/0/dataset/", "/arcs/0/sources/main/"),
                    row.value());
        }

        assertThat(problems(project)).as("%s", row).isEmpty();
    }

    /** The original's naming keeps an underscore in a part that also holds a hyphen: no AWS name may have one. */
    @Test
    void anUnderscoreBesideAHyphen_isRefusedAtItsField() throws IOException {
        ObjectNode project = base();
        set(project, "/arcs/0/name", "copy_a-2");

        assertThat(problems(project)).anyMatch(line -> line.contains("arcs[0].name")
                && line.contains("DEV-demo-arc-copy_a2-20230101-00-us-west-2"));
    }

    static Stream<Row> legalNames() {
        Field datasetName = NAME_FIELDS.get(9);
        Field datasetVersion = NAME_FIELDS.get(10);
        Field arc = NAME_FIELDS.get(11);
        return Stream.of(new Row(datasetName, "raw.v2"), new Row(datasetName, "2023_raw-data"),
                new Row(datasetVersion, "20230101"), new Row(datasetVersion, "1.0.2"), new Row(arc, "copyA"),
                new Row(arc, "copy_a2"), new Row(arc, "copy-a2"), new Row(arc, "2copy"), new Row(NAME_FIELDS.get(1), "20230101-00"));
    }

    static Stream<Row> hostileLocations() {
        List<Row> rows = new ArrayList<>();
        Field boundary = new Field("/boundaries/0/dataset/pathURI", "boundaries[0].dataset.pathURI", false, false);
        Field sink = new Field("/arcs/0/sinks/main/pathURI", "arcs[0].sinks.main.pathURI", false, false);
        Field table = new Field("/resources/3/pathURI", "resources[3].pathURI", false, false);
        for (Field field : List.of(boundary, sink, table)) {
            for (String uri : List.of("s3://dev-demo-data/../x/", "s3://dev-demo-data/a/../../x/",
                    "s3://dev-demo-data/./x/", "s3://dev-demo-data/..", "s3://dev-demo-data//x/",
                    "s3://dev-demo-data/a\\b/", "s3://dev-demo-data/a\u0000b/", "s3://dev-demo-data/a\nb/",
                    "s3://../x/", "s3://dev demo/x/", "file:///etc/")) {
                rows.add(new Row(field, uri));
            }
        }
        Field export = new Field("/activities/0/pathURI", "activities[0].pathURI", false, false);
        rows.add(new Row(export, "s3:///../logs/"));
        rows.add(new Row(export, "/../../logs/"));
        Field glue = new Field("/arcs/2/sinks/main/pathURI", "arcs[2].sinks.main.pathURI", false, false);
        for (String uri : List.of("glue:///../events", "glue:///demo/..", "glue:///demo/a;b", "glue:///de mo/events",
                "glue:///demo/ärc")) {
            rows.add(new Row(glue, uri));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileLocations")
    void aLocationThatWouldLeaveItsPrefixIsRefusedAtItsField(Row row) throws IOException {
        ObjectNode project = base();
        set(project, row.field().pointer(), row.value());

        assertThat(problems(project)).as("%s", row).anyMatch(line -> line.matches("project\\.json:\\d+:\\d+: "
                + java.util.regex.Pattern.quote(row.field().shown()) + ": [^\n]*"));
    }

    @Test
    void environmentVariablesLocalRunAndBatchCannotSetAreRefused() throws IOException {
        for (String name : List.of("A=B", "=", "", "A\u0000", "A\nB", "AWS_BATCH_JOB_ID")) {
            ObjectNode project = base();
            ((ObjectNode) project.at("/arcs/1/workload")).putObject("environment").put(name, "x");

            assertThat(problems(project)).as(name).anyMatch(line -> line.contains("arcs[1].workload.environment"));
        }
        ObjectNode project = base();
        ((ObjectNode) project.at("/arcs/1/workload")).putObject("environment").put("OUTPUT", "a\u0000b");
        assertThat(problems(project)).anyMatch(line -> line.contains("arcs[1].workload.environment.OUTPUT"));
    }

    @Test
    void eventBusAndLogGroupNamesOutsideWhatTheServicesAcceptAreRefused() throws IOException {
        for (String name : List.of("a;b", "$(id)", "a b", "ärc", "default", "a".repeat(257))) {
            ObjectNode project = base();
            ((com.fasterxml.jackson.databind.node.ArrayNode) project.get("resources")).addObject()
                    .put("type", "aws:core:eventBus").put("name", "bus").put("eventBusName", name);

            assertThat(problems(project)).as(name).anyMatch(line -> line.contains(": resources[4].eventBusName: "));
        }
        for (String name : List.of("a;b", "$(id)", "a b", "/aws/ärc", "a\nb", "", "/" + "a".repeat(512))) {
            ObjectNode project = base();
            set(project, "/activities/0/logGroupName", name);

            assertThat(problems(project)).as(name).anyMatch(line -> line.contains(": activities[0].logGroupName: "));
        }
        ObjectNode project = base();
        ((com.fasterxml.jackson.databind.node.ArrayNode) project.get("resources")).addObject()
                .put("type", "aws:core:eventBus").put("name", "bus").put("eventBusName", "dev.Audit_1/x");
        set(project, "/activities/0/logGroupName", "/aws/lambda/My_fn-1.x#2");
        assertThat(problems(project)).isEmpty();
    }

    @Test
    void physicalNamesThatClashAcrossListsAreRefused() throws IOException {
        // a boundary and an activity of one name get the same EventBridge rule name
        ObjectNode project = base();
        set(project, "/activities/0/name", "ingress");

        assertThat(problems(project)).singleElement().asString()
                .startsWith("project.json:").contains(": boundaries[0].name: EventBridge rule name \"DEV-demo-ingress-")
                .contains("is also the one project.json activities[0] (ingress) gets; rename one of them");
    }

    @Test
    void aStackNameOverCloudFormationsLimitIsRefused() throws IOException {
        ObjectNode project = base();
        set(project, "/project/version", "v" + "1".repeat(110));

        assertThat(problems(project)).anyMatch(line -> line.contains("project.name: CloudFormation stack name")
                && line.contains("over AWS's limit of 128"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static ObjectNode base() throws IOException {
        return (ObjectNode) Json.model().readTree(SampleProjects.BASE);
    }

    private static void set(ObjectNode root, String pointer, String value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        ((ObjectNode) parent).put(pointer.substring(slash + 1), value);
    }

    /** Problems of the project as `cls validate` prints them, written next to an image folder with a Dockerfile. */
    private List<String> problems(ObjectNode project) throws IOException {
        Path file = tmp.resolve("project.json");
        Files.writeString(file, Json.model().writerWithDefaultPrettyPrinter().writeValueAsString(project));
        try {
            LoadedProject loaded = new ProjectLoader().loadAll(List.of(new ProjectSource("project.json", file, null,
                    null)));
            return new ProjectValidator().validate(loaded, ValidationOptions.offline()).stream()
                    .map(Problem::format).toList();
        } catch (ProblemException e) {
            return e.problems().stream().map(Problem::format).toList();
        }
    }
}

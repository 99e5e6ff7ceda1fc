package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cls show KIND}: lists, templates and descriptions of component types and model elements. */
class ShowCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> RESOURCES = List.of("aws:core:computeEnvironment", "aws:core:eventBus",
            "aws:core:glueDatabase", "aws:core:glueTable", "aws:core:s3Bucket");
    private static final List<String> ACTIVITIES = List.of("aws:core:cloudWatchExport");
    private static final List<String> BOUNDARIES = List.of("aws:core:s3PutListenerBoundary");
    private static final List<String> ARCS = List.of("aws:core:athenaQueryArc", "aws:core:batchExecArc", "aws:core:glueAddPartitionsArc",
            "aws:core:glueJobArc", "aws:core:lambdaExecArc", "aws:core:s3CopyArc", "aws:core:sageMakerProcessingArc",
            "aws:core:sageMakerTrainingArc");
    private static final List<String> COMPONENTS = List.of("aws:core:athenaQueryArc", "aws:core:batchExecArc", "aws:core:cloudWatchExport",
            "aws:core:computeEnvironment", "aws:core:eventBus", "aws:core:glueAddPartitionsArc",
            "aws:core:glueDatabase", "aws:core:glueJobArc", "aws:core:glueTable", "aws:core:lambdaExecArc", "aws:core:s3Bucket",
            "aws:core:s3CopyArc", "aws:core:s3PutListenerBoundary", "aws:core:sageMakerProcessingArc",
            "aws:core:sageMakerTrainingArc");

    @Test
    void componentList_isTheCoreTypes_sorted() {
        Cls.Result result = Cls.run("show", "component", "--list");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.outLines()).containsExactlyElementsOf(COMPONENTS).isSorted();
        assertThat(result.err()).isEmpty();
    }

    @Test
    void kindLists_partitionTheComponentList() {
        List<String> resources = Cls.run("show", "resource", "--list").outLines();
        List<String> activities = Cls.run("show", "activity", "--list").outLines();
        List<String> boundaries = Cls.run("show", "boundary", "--list").outLines();
        List<String> arcs = Cls.run("show", "arc", "--list").outLines();

        assertThat(resources).containsExactlyElementsOf(RESOURCES);
        assertThat(activities).containsExactlyElementsOf(ACTIVITIES);
        assertThat(boundaries).containsExactlyElementsOf(BOUNDARIES);
        assertThat(arcs).containsExactlyElementsOf(ARCS);
        List<String> all = new ArrayList<>();
        List.of(resources, activities, boundaries, arcs).forEach(all::addAll);
        assertThat(all).containsExactlyInAnyOrderElementsOf(COMPONENTS);
    }

    @Test
    void modelList_namesTheModelElementsSorted() {
        Cls.Result result = Cls.run("show", "model", "--list");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.outLines()).containsExactly("arc", "deployable", "placement", "project", "sinkDataset",
                "sourceDataset");
    }

    @Test
    void list_withOutputJson_isAJsonArray() throws IOException {
        Cls.Result result = Cls.run("--output", "json", "show", "arc", "--list");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.valueToTree(ARCS));
    }

    @Test
    void model_ofS3CopyArc_isATemplateWithItsDefaults() throws IOException {
        Cls.Result result = Cls.run("show", "component", "--model", "aws:core:s3CopyArc");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.readTree("""
                {
                  "type": "aws:core:s3CopyArc",
                  "name": null,
                  "exclude": false,
                  "sources": {},
                  "sinks": {},
                  "workload": {
                    "workloadProps": {
                      "filter": {"includes": [], "excludes": [], "pathSeparator": "/", "ignoreCase": false},
                      "failArcOnPartialPercent": 0.0
                    },
                    "runtimeProps": {"memorySizeMB": 512, "retryAttempts": 3, "timeoutMin": 15,
                                     "architecture": "ARM_64"}
                  },
                  "trigger": null,
                  "lotUnit": null,
                  "lateAfter": null,
                  "schedule": null
                }
                """));
    }

    @Test
    void model_namesAreCaseInsensitive() {
        Cls.Result exact = Cls.run("show", "component", "--model", "aws:core:s3CopyArc");
        Cls.Result lower = Cls.run("show", "arc", "--model", "AWS:CORE:S3COPYARC");

        assertThat(lower.exitCode()).as("%s", lower).isEqualTo(0);
        assertThat(lower.out()).isEqualTo(exact.out());
    }

    @Test
    void model_withRequired_keepsOnlyTheRequiredFields() throws IOException {
        Cls.Result result = Cls.run("show", "component", "--model", "aws:core:s3CopyArc", "--required");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.readTree("""
                {"type": "aws:core:s3CopyArc", "name": null, "sources": {}, "sinks": {}}
                """));
    }

    @Test
    void describe_printsTypeSynopsisDescriptionAndTemplate() throws IOException {
        Cls.Result result = Cls.run("show", "component", "--describe", "aws:core:s3CopyArc");
        Cls.Result template = Cls.run("show", "component", "--model", "aws:core:s3CopyArc");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        List<String> lines = result.outLines();
        assertThat(lines.get(0)).isEqualTo("Type:        aws:core:s3CopyArc");
        assertThat(lines.get(1)).startsWith("Synopsis:    ").hasSizeGreaterThan("Synopsis:    ".length());
        assertThat(lines.get(2)).startsWith("Description: ").hasSizeGreaterThan("Description: ".length());
        assertThat(lines.get(3)).isEqualTo("Template:");
        assertThat(String.join("\n", lines.subList(4, lines.size())))
                .isEqualTo(template.out().strip().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void describeAll_describesEveryTypeOfTheKind() {
        Cls.Result result = Cls.run("show", "arc", "--describe-all");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.outLines()).filteredOn(line -> line.startsWith("Type:"))
                .containsExactly("Type:        aws:core:athenaQueryArc", "Type:        aws:core:batchExecArc",
                        "Type:        aws:core:glueAddPartitionsArc", "Type:        aws:core:glueJobArc",
                        "Type:        aws:core:lambdaExecArc", "Type:        aws:core:s3CopyArc",
                        "Type:        aws:core:sageMakerProcessingArc", "Type:        aws:core:sageMakerTrainingArc");
    }

    @Test
    void modelAll_printsOneTemplatePerType() throws IOException {
        Cls.Result result = Cls.run("show", "component", "--model-all");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        List<String> types = new ArrayList<>();
        for (Iterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(result.out()); it.hasNext(); ) {
            types.add(it.next().get("type").asText());
        }
        assertThat(types).containsExactlyElementsOf(COMPONENTS);
    }

    @Test
    void unknownComponentType_failsWithOneLineNamingTheKnownTypes() {
        Cls.Result result = Cls.run("show", "component", "--model", "X");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly("error: no component type found for: X; known: "
                + String.join(", ", COMPONENTS));
    }

    @Test
    void typeOfAnotherKind_isNotFound() {
        Cls.Result result = Cls.run("show", "resource", "--describe", "aws:core:s3CopyArc");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("error: no component type found for: aws:core:s3CopyArc; known: aws:core:computeEnvironment");
    }

    @Test
    void unknownModelElement_fails() {
        Cls.Result result = Cls.run("show", "model", "--model", "nope");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.errLines()).containsExactly("error: no model found for: nope; known: deployable, project, "
                + "placement, arc, sourceDataset, sinkDataset");
    }

    @Test
    void unknownName_printsAStackTraceOnlyWithVerbose() {
        Cls.Result plain = Cls.run("show", "component", "--model", "X");
        Cls.Result verbose = Cls.run("-v", "show", "component", "--model", "X");

        assertThat(plain.errLines()).noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.errLines().get(0)).isEqualTo(plain.errLines().get(0));
        assertThat(verbose.errLines()).anyMatch(line -> line.startsWith("\tat "));
    }

    @Test
    void modelDeployable_isTheSkeletonOfAProjectFile() throws IOException {
        Cls.Result result = Cls.run("show", "model", "--model", "deployable");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.readTree("""
                {
                  "project": {"name": null, "version": null},
                  "placement": {"provider": null, "stage": null, "account": null, "region": null,
                                "logRetentionDays": null},
                  "freshnessTopic": {"topicName": null},
                  "resources": [],
                  "activities": [],
                  "boundaries": [],
                  "barriers": [],
                  "arcs": []
                }
                """));
    }

    @Test
    void modelDeployable_withRequired_isProjectAndPlacement() throws IOException {
        Cls.Result result = Cls.run("show", "model", "--model", "DEPLOYABLE", "--required");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.readTree("""
                {
                  "project": {"name": null, "version": null},
                  "placement": {"provider": null, "account": null, "region": null},
                  "freshnessTopic": {"topicName": null}
                }
                """));
    }

    @ParameterizedTest
    // not arc: cls show arc without a selection shows the deployed arcs (ShowDeployedLocalTest)
    @ValueSource(strings = {"component", "resource", "activity", "boundary", "model"})
    void noSelection_isAUsageError(String kind) {
        Cls.Result result = Cls.run("show", kind);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly(
                "error: Missing required argument (specify one of these): "
                        + "(--list | --model=NAME | --describe=NAME | --model-all | --describe-all)",
                "Try 'cls show " + kind + " --help' for more information.");
    }

    @Test
    void twoSelections_areAUsageError() {
        Cls.Result result = Cls.run("show", "component", "--list", "--model", "aws:core:s3Bucket");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.errLines()).containsExactly(
                "error: --list, --model=NAME are mutually exclusive (specify only one)",
                "Try 'cls show component --help' for more information.");
    }

    @Test
    void showAlone_printsItsUsage() {
        Cls.Result result = Cls.run("show");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.out()).contains("Usage: cls show");
        for (String kind : List.of("component", "resource", "activity", "boundary", "arc", "model")) {
            assertThat(result.out()).containsPattern("(?m)^\\s+" + kind + "[,\\s]");
        }
    }

    @Test
    void showLot_printsTheIntervalALotIdStandsFor() throws Exception {
        Cls.Result result = Cls.run("--output", "json", "show", "lot", "20230227PT5M009");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(io.clusterless.json.Json.records().readTree(result.out())).isEqualTo(io.clusterless.json.Json
                .records().readTree("""
                        [{"lot": "20230227PT5M009", "unit": "Twelfths", "start": "2023-02-27T00:45:00Z",
                          "end": "2023-02-27T00:50:00Z", "previous": "20230227PT5M008", "next": "20230227PT5M010"}]
                        """));
    }

    @Test
    void showLot_ofSomethingElse_isOneLineSayingWhatALotIdLooksLike() {
        Cls.Result result = Cls.run("show", "lot", "2023-02-27");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("error: not a lot id: 2023-02-27, expected yyyyMMdd + duration "
                + "+ 3-digit ordinal, e.g. 20230206PT5M286");
    }
}

package io.clusterless.model.core.arc.sagemaker;

import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.validate.ProjectValidator;
import io.clusterless.model.validate.ValidationOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What `cls validate` says about a SageMaker arc SageMaker would refuse, one located line each. */
class SageMakerJobRuleTest {
    private static final String PROCESSING = "aws:core:sageMakerProcessingArc";
    private static final String TRAINING = "aws:core:sageMakerTrainingArc";

    @TempDir
    Path project;

    @Test
    void anImageFolderWithACommandIsValid() throws IOException {
        image();
        assertThat(problems(PROCESSING, "\"imagePath\": \"image\", \"command\": [\"python3\", \"stats.py\"]"))
                .isEmpty();
        assertThat(problems(TRAINING, "\"imageUri\": \"123456789012.dkr.ecr.us-west-2.amazonaws.com/t:1\", "
                + "\"hyperParameters\": {\"epochs\": \"3\"}")).isEmpty();
    }

    @Test
    void exactlyOneOfImagePathAndImageUri() throws IOException {
        image();
        assertThat(problems(PROCESSING, "\"instanceType\": \"ml.m5.large\"")).containsExactly(
                "arcs[0].workload: give imagePath (a folder with a Dockerfile, built on deploy) or imageUri (an image "
                        + "in ECR)");
        assertThat(problems(PROCESSING, "\"imagePath\": \"image\", \"imageUri\": \"x/y:1\", \"command\": [\"a\"]"))
                .containsExactly("arcs[0].workload: give imagePath or imageUri, not both");
    }

    @Test
    void anImageFolderNeedsADockerfileAndACommand() throws IOException {
        Files.createDirectories(project.resolve("image"));
        assertThat(problems(PROCESSING, "\"imagePath\": \"image\"")).containsExactly(
                "arcs[0].workload.command: command is missing; give the program and its arguments the image runs, "
                        + "e.g. [\"python3\", \"stats.py\"] (cls local run runs it in imagePath)",
                "arcs[0].workload.imagePath: imagePath \"image\" has no Dockerfile (looked in "
                        + project.toRealPath().resolve("image") + "); add one, or name a folder with a Dockerfile, "
                        + "relative to the project file");
    }

    @Test
    void instancesCountsVolumeAndRuntimeAreInSageMakersRanges() throws IOException {
        assertThat(problems(PROCESSING, "\"imageUri\": \"x/y:1\", \"instanceType\": \"m5.large\", "
                + "\"instanceCount\": 0, \"volumeSizeGB\": 20000, \"maxRuntimeMin\": 20000")).containsExactly(
                "arcs[0].workload.instanceType: instanceType \"m5.large\" is not a SageMaker instance type; use one "
                        + "like ml.m5.large",
                "arcs[0].workload.instanceCount: instanceCount 0 is out of range; use 1 to 100",
                "arcs[0].workload.volumeSizeGB: volumeSizeGB 20000 is out of range; use 1 to 16384",
                "arcs[0].workload.maxRuntimeMin: maxRuntimeMin 20000 is out of range; use 1 to 12960");
        // training jobs may run for 28 days
        assertThat(problems(TRAINING, "\"imageUri\": \"x/y:1\", \"maxRuntimeMin\": 20000")).isEmpty();
    }

    @Test
    void environmentNamesAreVariablesOutsideClsOwnPrefixes() throws IOException {
        assertThat(problems(PROCESSING, "\"imageUri\": \"x/y:1\", \"environment\": {\"a-b\": \"1\", "
                + "\"CLS_LOT\": \"2\", \"LONG\": \"" + "x".repeat(300) + "\"}")).containsExactly(
                "arcs[0].workload.environment.a-b: environment variable name \"a-b\" must be letters, digits and _ "
                        + "and not start with a digit; rename it",
                "arcs[0].workload.environment.CLS_LOT: environment variable CLS_LOT is reserved (cls sets CLS_ and "
                        + "SM_ variables in the job); rename it",
                "arcs[0].workload.environment.LONG: environment LONG is 300 characters long; SageMaker takes at "
                        + "most 256");
    }

    @Test
    void hyperParametersAreOnlyForTraining() throws IOException {
        assertThat(problems(PROCESSING, "\"imageUri\": \"x/y:1\", \"hyperParameters\": {\"epochs\": \"3\"}"))
                .singleElement().asString().startsWith("arcs[0].workload.hyperParameters: unknown field "
                        + "\"hyperParameters\"");
    }

    @Test
    void aTrainingArcHasOneSinkForItsModel() throws IOException {
        String text = Files.readString(write(TRAINING, "\"imageUri\": \"x/y:1\"")).replace("\"sinks\": {",
                "\"sinks\": {\"other\": {\"name\": \"more\", \"version\": \"1\", \"pathURI\": \"s3://bkt/more/\"}, ");
        Files.writeString(project.resolve("project.json"), text);
        assertThat(validate()).containsExactly("arcs[0].sinks: a training arc has one sink, where the model is "
                + "written; found 2");
    }

    private void image() throws IOException {
        Files.createDirectories(project.resolve("image"));
        Files.writeString(project.resolve("image/Dockerfile"), "FROM python:3.12-slim\n");
    }

    private List<String> problems(String type, String workload) throws IOException {
        write(type, workload);
        return validate();
    }

    private Path write(String type, String workload) throws IOException {
        String text = """
                {
                  "project": {"name": "Stats", "version": "1"},
                  "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"},
                  "boundaries": [
                    {"type": "aws:core:s3PutListenerBoundary", "name": "raw", "lotUnit": "Twelfths",
                     "eventArrival": "frequent",
                     "dataset": {"name": "readings", "version": "1", "pathURI": "s3://bkt/raw/"}}
                  ],
                  "arcs": [
                    {"type": "TYPE", "name": "stats",
                     "sources": {"main": {"name": "readings", "version": "1"}},
                     "sinks": {"main": {"name": "stats", "version": "1", "pathURI": "s3://bkt/stats/"}},
                     "workload": {WORKLOAD}}
                  ]
                }
                """.replace("TYPE", type).replace("WORKLOAD", workload);
        Path file = project.resolve("project.json");
        Files.writeString(file, text);
        return file;
    }

    private List<String> validate() throws IOException {
        Path file = project.resolve("project.json");
        try {
            LoadedProject loaded = new ProjectLoader().loadAll(List.of(ProjectSource.file(file)));
            return new ProjectValidator().validate(loaded, ValidationOptions.offline()).stream()
                    .map(Problem::format).map(line -> line.replaceFirst("^[^ ]*project\\.json:\\d+:\\d+: ", ""))
                    .toList();
        } catch (ProblemException e) {
            return e.problems().stream().map(Problem::format)
                    .map(line -> line.replaceFirst("^[^ ]*project\\.json:\\d+:\\d+: ", "")).toList();
        }
    }
}

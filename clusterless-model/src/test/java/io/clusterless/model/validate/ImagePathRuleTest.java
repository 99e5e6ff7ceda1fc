package io.clusterless.model.validate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.load.SampleProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch arc's imagePath is a folder inside the project folder (by real path) with a Dockerfile; synth builds it and
 * local run runs the command in it, so validate refuses anything else first.
 */
class ImagePathRuleTest {
    @TempDir
    Path tmp;
    private Path projectDir;

    @BeforeEach
    void folders() throws IOException {
        projectDir = Files.createDirectories(tmp.resolve("project"));
        dockerfile(projectDir.resolve("app"));
        dockerfile(tmp.resolve("outside"));
        Files.createDirectories(projectDir.resolve("nodocker"));
        Files.createSymbolicLink(projectDir.resolve("link"), tmp.resolve("outside"));
    }

    @Test
    void aFolderBesideTheFileWithADockerfileIsValid() throws IOException {
        assertThat(problems("app")).isEmpty();
        assertThat(problems("./app/../app")).isEmpty();
        assertThat(problems(projectDir.resolve("app").toString())).as("absolute, but inside").isEmpty();
    }

    @Test
    void aFolderOutsideTheProjectFolderIsRefused() throws IOException {
        assertThat(problems("../outside")).singleElement().asString()
                .matches("project\\.json:\\d+:\\d+: arcs\\[1\\]\\.workload\\.imagePath: imagePath \"\\.\\./outside\" "
                        + "is outside the project folder .*; move the image's folder inside it");
        assertThat(problems(tmp.resolve("outside").toString())).singleElement().asString()
                .contains("is outside the project folder");
    }

    @Test
    void aSymlinkThatLeadsOutsideCountsAsOutside() throws IOException {
        assertThat(problems("link")).singleElement().asString()
                .contains("imagePath \"link\" is outside the project folder");
    }

    @Test
    void dotDotAfterASymlinkIsJudgedWhereTheFileSystemLeads() throws IOException {
        // lexically link/.. is the project folder; local run's file system follows the link first and lands outside
        Files.createDirectories(tmp.resolve("outside/inner"));
        Files.createSymbolicLink(projectDir.resolve("deep"), tmp.resolve("outside/inner"));
        dockerfile(projectDir);

        assertThat(problems("deep/..")).singleElement().asString()
                .contains("imagePath \"deep/..\" is outside the project folder");
    }

    @Test
    void aFolderWithoutADockerfileIsRefused() throws IOException {
        assertThat(problems("nodocker")).singleElement().asString()
                .contains("arcs[1].workload.imagePath: imagePath \"nodocker\" has no Dockerfile");
    }

    @Test
    void aMissingOrEmptyImagePathIsRefused() throws IOException {
        assertThat(problems("missing")).singleElement().asString()
                .contains("imagePath \"missing\" is not a folder beside the project file");
        assertThat(problems("")).singleElement().asString()
                .contains("arcs[1].workload.imagePath: imagePath is missing; name a folder with a Dockerfile");
    }

    @Test
    void recordsOfDeployedProjectsAreNotCheckedForLocalFiles() throws IOException {
        assertThat(problems("missing", new ValidationOptions(true, false))).isEmpty();
    }

    private List<String> problems(String imagePath) throws IOException {
        return problems(imagePath, ValidationOptions.offline());
    }

    private List<String> problems(String imagePath, ValidationOptions options) throws IOException {
        ObjectNode project = (ObjectNode) Json.model().readTree(SampleProjects.BASE);
        ((ObjectNode) project.at("/arcs/1/workload")).put("imagePath", imagePath);
        Path file = projectDir.resolve("project.json");
        Files.writeString(file, Json.model().writerWithDefaultPrettyPrinter().writeValueAsString(project));
        LoadedProject loaded = new ProjectLoader().loadAll(List.of(new ProjectSource("project.json", file, null,
                null)));
        return new ProjectValidator().validate(loaded, options).stream().map(Problem::format).toList();
    }

    private static void dockerfile(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("Dockerfile"), "FROM scratch\n");
    }
}

package io.clusterless.model.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.model.validate.ProjectValidator;
import io.clusterless.model.validate.ValidationOptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.clusterless.model.load.ExampleFiles.EXAMPLES;
import static io.clusterless.model.load.ExampleFiles.projectFiles;
import static io.clusterless.model.load.ExampleFiles.relative;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every project file shipped under {@code examples/} is one a user may copy, so each must load and validate
 * cleanly, and the JSON, YAML and Jsonnet forms of one example must mean the same project.
 */
class ExamplesLoadTest {
    /** Files that make one project only together; validated as a group, as the README says. */
    static final Set<String> SPLIT_PROJECT = Set.of("split-a.json", "split-b.json");
    static final List<String> FORMS = List.of("project.json", "project.yaml", "project.jsonnet");

    private final ProjectLoader loader = new ProjectLoader();
    private final ProjectValidator validator = new ProjectValidator();

    @Test
    void examplesDirectoryHoldsEveryDocumentedExample() {
        // guards the walk below: a wrong working directory would otherwise make every test vacuous
        assertThat(projectFiles()).extracting(ExampleFiles::relative).contains(
                "simple-copy/project.json", "simple-copy/project.yaml", "simple-copy/project.jsonnet",
                "copy-chain/project.json", "copy-chain/project.yaml", "copy-chain/project.jsonnet",
                "s3-access-logs/project.json", "s3-access-logs/project.yaml", "s3-access-logs/project.jsonnet",
                "others/clicks-catalog.json", "others/log-export.json", "others/orders-intake.json",
                "others/split-a.json", "others/split-b.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void everyExampleLoadsAndValidatesWithoutProblems(List<Path> files) {
        // GIVEN the files of one example project
        List<ProjectSource> sources = files.stream().map(ProjectSource::file).toList();

        // WHEN they are loaded and validated as `cls validate -p ...` does
        LoadedProject project = loader.loadAll(sources);
        List<Problem> problems = validator.validate(project, ValidationOptions.offline());

        // THEN nothing is reported, and every file bound to a model
        assertThat(problems).extracting(Problem::format).isEmpty();
        assertThat(project.deployables()).hasSize(files.size()).doesNotContainNull();
    }

    @Test
    void splitFilesAreOneProjectOnlyTogether() {
        // split-b's arc consumes the boundary dataset of split-a: alone it has no owner
        LoadedProject alone = loader.loadAll(List.of(ProjectSource.file(EXAMPLES.resolve("others/split-b.json"))));

        assertThat(validator.validate(alone, ValidationOptions.offline())).extracting(Problem::message)
                .singleElement().asString().startsWith("dataset owner not found: uploads-incoming/20230915");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleDirectories")
    void jsonYamlAndJsonnetFormsBindToTheSameModel(Path directory) {
        // GIVEN the three forms of one example
        // WHEN each is loaded into the model
        List<JsonNode> models = FORMS.stream()
                .map(form -> loader.load(ProjectSource.file(directory.resolve(form))).deployable())
                .map(deployable -> (JsonNode) Json.model().valueToTree(deployable))
                .toList();

        // THEN the YAML and Jsonnet models equal the JSON model field by field
        assertThat(models.get(1)).as("project.yaml vs project.json").isEqualTo(models.get(0));
        assertThat(models.get(2)).as("project.jsonnet vs project.json").isEqualTo(models.get(0));
        assertThat(models.get(0).path("arcs").size() + models.get(0).path("boundaries").size())
                .as("the comparison covers components").isPositive();
    }

    static Stream<Named<List<Path>>> projects() {
        List<Named<List<Path>>> projects = new ArrayList<>();
        List<Path> split = new ArrayList<>();
        for (Path file : projectFiles()) {
            if (SPLIT_PROJECT.contains(file.getFileName().toString())) {
                split.add(file);
            } else {
                projects.add(Named.of(relative(file), List.of(file)));
            }
        }
        assertThat(split).hasSize(SPLIT_PROJECT.size());
        projects.add(Named.of(split.stream().map(ExampleFiles::relative).collect(Collectors.joining(" + ")),
                split));
        return projects.stream();
    }

    static Stream<Named<Path>> exampleDirectories() {
        try (Stream<Path> children = Files.list(EXAMPLES)) {
            List<Path> directories = children.filter(dir -> FORMS.stream().allMatch(f -> Files.exists(dir.resolve(f))))
                    .sorted().toList();
            assertThat(directories).hasSizeGreaterThanOrEqualTo(3);
            return directories.stream().map(dir -> Named.of(dir.getFileName().toString(), dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.clusterless.model.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.model.component.ComponentRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Jsonnet imports read only inside the project file's folder and the --jpath folders: a project file from someone
 * else must not read the environment, keys or system files into values that messages then echo.
 */
class JsonnetImportConfinementTest {
    private static final String SECRET = "s3cr3t-outside-the-project";

    @TempDir
    Path tmp;

    @Test
    void importstrOfProcSelfEnvironIsRefusedAtTheImport() throws IOException {
        Path project = write("app/project.jsonnet", "{\n  name: importstr '/proc/self/environ',\n}\n");

        assertThat(problems(project, "app/project.jsonnet", List.of())).containsExactly(
                "app/project.jsonnet:2:9: import \"/proc/self/environ\" is outside the project folder (app) and "
                        + "every --jpath folder; add --jpath DIR to allow it");
    }

    @Test
    void parentRelativeImportsOutOfTheFolderAreRefusedAndTheirContentNeverShown() throws IOException {
        write("secret.libsonnet", "{ key: '" + SECRET + "' }");
        write("secret.txt", SECRET);
        for (String expression : List.of("import '../secret.libsonnet'", "importstr '../secret.txt'",
                "import 'sub/../../secret.libsonnet'", "importstr '" + tmp.resolve("secret.txt") + "'",
                "import '../../../../../../../../../etc/os-release'")) {
            Path project = write("app/project.jsonnet", "local x = " + expression + ";\n{ a: x }\n");
            Files.createDirectories(tmp.resolve("app/sub"));

            List<String> problems = problems(project, "app/project.jsonnet", List.of());

            assertThat(problems).as(expression).singleElement().asString()
                    .startsWith("app/project.jsonnet:1:11: import \"")
                    .contains("is outside the project folder (app)")
                    .endsWith("add --jpath DIR to allow it")
                    .doesNotContain(SECRET);
        }
    }

    @Test
    void aSymlinkThatLeadsOutOfTheFolderCountsAsOutside() throws IOException {
        write("outside/secret.txt", SECRET);
        Path project = write("app/project.jsonnet", "{ a: importstr 'link/secret.txt', b: importstr 'file.txt' }\n");
        Files.createSymbolicLink(tmp.resolve("app/link"), tmp.resolve("outside"));
        Files.createSymbolicLink(tmp.resolve("app/file.txt"), tmp.resolve("outside/secret.txt"));

        List<String> problems = problems(project, "project.jsonnet", List.of());

        assertThat(problems).singleElement().asString().contains("import \"link/secret.txt\" is outside")
                .doesNotContain(SECRET);
        Path second = write("app/second.jsonnet", "{ b: importstr 'file.txt' }\n");
        assertThat(problems(second, "second.jsonnet", List.of())).singleElement().asString()
                .contains("import \"file.txt\" is outside").doesNotContain(SECRET);
    }

    @Test
    void anOutsideFileThatDoesNotExistIsRefusedTheSameWay() throws IOException {
        // the answer must not tell whether a file outside the project exists
        Path project = write("app/project.jsonnet", "{ a: importstr '/nonexistent-dir/nothing.txt' }\n");

        assertThat(problems(project, "p.jsonnet", List.of())).singleElement().asString()
                .contains("import \"/nonexistent-dir/nothing.txt\" is outside the project folder");
    }

    @Test
    void importsInsideTheFolderAndItsSubfoldersStillWork() throws IOException {
        Path project = write("app/project.jsonnet", """
                local lib = import 'lib/settings.libsonnet';
                { stage: lib.stage, note: importstr 'lib/../note.txt' }
                """);
        write("app/lib/settings.libsonnet", "local inner = import '../inner.libsonnet';\n{ stage: inner.stage }\n");
        write("app/inner.libsonnet", "{ stage: 'qa' }\n");
        write("app/note.txt", "beside");

        assertThat(evaluate(project, List.of())).isEqualTo(json("{\"stage\": \"qa\", \"note\": \"beside\"}"));
    }

    @Test
    void aJpathFolderAllowsImportsFromItBothByNameAndByRelativePath() throws IOException {
        write("shared/common.libsonnet", "local more = import 'more.libsonnet';\n{ region: more.region }\n");
        write("shared/more.libsonnet", "{ region: 'us-west-2' }\n");
        Path project = write("app/project.jsonnet", """
                { byName: (import 'common.libsonnet').region, byPath: (import '../shared/more.libsonnet').region }
                """);
        Path relative = write("app/relative.jsonnet", "import '../shared/more.libsonnet'\n");
        assertThat(problems(relative, "app/relative.jsonnet", List.of())).singleElement().asString()
                .contains("import \"../shared/more.libsonnet\" is outside the project folder");

        JsonNode result = evaluate(project, List.of(tmp.resolve("shared")));

        assertThat(result).isEqualTo(json("{\"byName\": \"us-west-2\", \"byPath\": \"us-west-2\"}"));
    }

    @Test
    void aJpathThatIsNotAFolderIsAProblemNamingTheOption() throws IOException {
        Path project = write("app/project.jsonnet", "{}\n");

        assertThat(problems(project, "p.jsonnet", List.of(Path.of("no-such-folder")))).containsExactly(
                "--jpath no-such-folder: is not a folder; give an existing folder whose files Jsonnet imports may "
                        + "read");
    }

    @Test
    void theLoaderPassesJpathsToTheEvaluator() throws IOException {
        write("shared/placement.libsonnet",
                "{ provider: 'aws', stage: 'dev', account: '123456789012', region: 'us-west-2' }\n");
        Path project = write("app/project.jsonnet",
                "{ project: { name: 'Demo', version: '1' }, placement: import 'placement.libsonnet' }\n");
        ProjectLoader loader = new ProjectLoader(ComponentRegistry.defaultRegistry(),
                new JsonnetOptions(Map.of(), List.of(tmp.resolve("shared"))), InputStream.nullInputStream());

        assertThat(loader.load(ProjectSource.file(project)).deployable().getPlacement().getRegion())
                .isEqualTo("us-west-2");
        ProjectLoader confined = new ProjectLoader(ComponentRegistry.defaultRegistry(), Map.of(),
                InputStream.nullInputStream());
        assertThatThrownBy(() -> confined.load(ProjectSource.file(project)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("Couldn't import file: \"placement.libsonnet\"");
    }

    @Test
    void importbinIsNotAWayAround() throws IOException {
        write("secret.txt", SECRET);
        Path project = write("app/project.jsonnet", "{ a: importbin '../secret.txt' }\n");

        assertThat(problems(project, "p.jsonnet", List.of())).singleElement().asString().doesNotContain(SECRET);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private Path write(String relative, String text) throws IOException {
        Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static JsonNode evaluate(Path file, List<Path> jpaths) throws IOException {
        return Json.model().readTree(JsonnetEvaluator.evaluate(file.toString(), file, Files.readString(file),
                Map.of(), jpaths));
    }

    private static List<String> problems(Path file, String display, List<Path> jpaths) throws IOException {
        try {
            JsonnetEvaluator.evaluate(display, file, Files.readString(file), Map.of(), jpaths);
        } catch (ProblemException e) {
            return e.problems().stream().map(Problem::format).toList();
        }
        throw new AssertionError("expected " + file + " to fail");
    }

    private static JsonNode json(String text) throws IOException {
        return Json.model().readTree(text);
    }
}

package io.clusterless.model.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.model.Deployable;
import io.clusterless.model.component.ComponentRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jsonnet project files evaluate in-process as the `jsonnet` CLI would evaluate them next to the file. */
class JsonnetEvaluatorTest {
    @TempDir
    Path tmp;

    @Test
    void importsResolveRelativeToTheImportingFileNotTheWorkingDirectory() throws IOException {
        // GIVEN a project in a directory other than the working directory, importing a library that imports another
        Path project = write("app/project.jsonnet", """
                local lib = import 'lib/settings.libsonnet';
                local note = importstr 'note.txt';
                { stage: lib.stage, answer: lib.answer, note: note }
                """);
        write("app/lib/settings.libsonnet", "local inner = import 'inner.libsonnet';\n{ stage: 'qa', answer: inner.answer }\n");
        write("app/lib/inner.libsonnet", "{ answer: 42 }\n");
        write("app/note.txt", "beside the project");
        assertThat(Path.of("").toAbsolutePath()).isNotEqualTo(project.getParent());

        // WHEN it is evaluated
        JsonNode result = evaluate(project, Map.of());

        // THEN each import was found next to the file that imports it
        assertThat(result).isEqualTo(json("{\"stage\": \"qa\", \"answer\": 42, \"note\": \"beside the project\"}"));
    }

    @Test
    void extStrValuesReachStdExtVar() throws IOException {
        Path project = write("project.jsonnet", "{ stage: std.extVar('stage'), account: std.extVar('account') }");

        JsonNode result = evaluate(project, Map.of("stage", "prod", "account", "123456789012"));

        assertThat(result).isEqualTo(json("{\"stage\": \"prod\", \"account\": \"123456789012\"}"));
    }

    @Test
    void extStrValuesGivenToTheLoaderReachTheModel() throws IOException {
        // GIVEN `cls validate -p project.jsonnet --ext-str stage=prod`
        Path project = write("project.jsonnet", """
                {
                  project: { name: 'Demo', version: '1' },
                  placement: { provider: 'aws', stage: std.extVar('stage'), account: '123456789012', region: 'us-west-2' },
                }
                """);
        ProjectLoader loader = new ProjectLoader(ComponentRegistry.defaultRegistry(), Map.of("stage", "prod"),
                InputStream.nullInputStream());

        Deployable deployable = loader.load(ProjectSource.file(project)).deployable();

        assertThat(deployable.getPlacement().getStage()).isEqualTo("prod");
    }

    @Test
    void missingExtVarIsReportedAtItsUse() throws IOException {
        Path project = write("project.jsonnet", "{\n  stage: std.extVar('stage'),\n}\n");

        assertThat(problems(project, "project.jsonnet"))
                .containsExactly("project.jsonnet:2:20: Jsonnet error: Unknown extVar: stage; pass it with --ext-str stage=VALUE");
    }

    @Test
    void runtimeErrorsNameTheFileAsGivenWithLineAndColumn() throws IOException {
        Path project = write("project.jsonnet", "local bucket = 'b';\n{\n  name: error 'name is required',\n}\n");

        assertThat(problems(project, "examples/x/project.jsonnet"))
                .containsExactly("examples/x/project.jsonnet:3:9: Jsonnet error: name is required");
    }

    @Test
    void syntaxErrorsGiveThePositionOnceAndWhatWasExpected() throws IOException {
        Path project = write("project.jsonnet", "{\n  a: 1,,\n}\n");

        assertThat(problems(project, "project.jsonnet"))
                .containsExactly("project.jsonnet:2:8: Jsonnet error: Expected \"}\", found \",\\n}\\n\"");
    }

    @Test
    void errorsInsideAnImportNameTheImportedFileAsSeenFromTheWorkingDirectory() throws IOException {
        // GIVEN `-p examples/x/project.jsonnet` whose import fails
        Path project = write("project.jsonnet", "local lib = import 'lib/bad.libsonnet';\n{ a: lib.value }\n");
        write("lib/bad.libsonnet", "{\n  value: error 'broken library',\n}\n");

        // THEN the message points into the library, by a path the user can open from where they ran cls
        assertThat(problems(project, "examples/x/project.jsonnet"))
                .containsExactly("examples/x/lib/bad.libsonnet:2:10: Jsonnet error: broken library");
    }

    @Test
    void importOfAMissingFileNamesTheImport() throws IOException {
        Path project = write("project.jsonnet", "local lib = import 'nowhere.libsonnet';\n{ a: lib }\n");

        assertThat(problems(project, "project.jsonnet"))
                .containsExactly("project.jsonnet:1:13: Jsonnet error: Couldn't import file: \"nowhere.libsonnet\"");
    }

    @Test
    void codeFromStdinIsNamedAsStdinNotAsSjsonnetsExec() {
        // regression: --exec code was reported as "<exec>:1:8", a file that does not exist
        assertThatThrownBy(() -> JsonnetEvaluator.evaluate("<stdin>", null, "{ a: b }", Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problems())
                        .extracting(Problem::format)
                        .containsExactly("<stdin>:1:6: Jsonnet error: Unknown variable: b"));
    }

    @Test
    void unboundedRecursionFailsWithAMessageInsteadOfOverflowingTheCallersStack() throws IOException {
        Path project = write("project.jsonnet", "local f(x) = f(x) + 1;\n{ a: f(0) }\n");

        assertThat(problems(project, "project.jsonnet")).singleElement().asString()
                .startsWith("project.jsonnet: Jsonnet ")
                .containsIgnoringCase("recursi");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private Path write(String relative, String text) throws IOException {
        Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static JsonNode evaluate(Path file, Map<String, String> extStrs) throws IOException {
        String output = JsonnetEvaluator.evaluate(file.toString(), file, Files.readString(file), extStrs);
        return Json.model().readTree(output);
    }

    /** The problems of evaluating {@code file}, shown under {@code display} as the CLI shows the -p argument. */
    private static java.util.List<String> problems(Path file, String display) throws IOException {
        String code = Files.readString(file);
        try {
            JsonnetEvaluator.evaluate(display, file, code, Map.of());
        } catch (ProblemException e) {
            return e.problems().stream().map(Problem::format).toList();
        }
        throw new AssertionError("expected " + file + " to fail");
    }

    private static JsonNode json(String text) {
        try {
            return Json.model().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

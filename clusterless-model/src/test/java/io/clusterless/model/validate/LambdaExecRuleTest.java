package io.clusterless.model.validate;

import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What `cls validate` says about a lambdaExecArc whose function could not run as written. */
class LambdaExecRuleTest {
    @TempDir
    Path project;
    private String fileName = "project.json";

    @BeforeEach
    void pythonFunction() throws IOException {
        Files.createDirectories(project.resolve("functions/reformat"));
        Files.writeString(project.resolve("functions/reformat/reformat.py"), "def handler(event, context):\n    return {}\n");
    }

    @Test
    void aPythonFunctionWithItsModuleIsValid() throws IOException {
        assertThat(problems(workload("python3.12", "reformat.handler", "functions/reformat", ""))).isEmpty();
    }

    @Test
    void aProjectFileNamedThroughDotDotStillHoldsItsCode() throws IOException {
        // `cls validate -p ../examples/x/project.json` from a module folder
        fileName = "functions/../project.json";
        assertThat(problems(workload("python3.12", "reformat.handler", "functions/reformat", ""))).isEmpty();
    }

    @Test
    void anUnknownRuntimeNamesTheSupportedOnes() throws IOException {
        assertThat(problems(workload("python3.9", "reformat.handler", "functions/reformat", "")))
                .containsExactly("arcs[0].workload.runtime: runtime \"python3.9\" is not supported; use one of "
                        + "python3.12, python3.13, python3.14, nodejs22.x, nodejs24.x, java21, java25");
    }

    @Test
    void aRuntimeLambdaNoLongerCreatesIsRefusedNamingItsSuccessors() throws IOException {
        Path code = project.resolve("functions/reformat");
        Files.writeString(code.resolve("index.js"), "exports.handler = async () => ({});\n");
        assertThat(problems(workload("nodejs20.x", "index.handler", "functions/reformat", "")))
                .containsExactly("arcs[0].workload.runtime: runtime \"nodejs20.x\" cannot be deployed: Lambda "
                        + "creates no nodejs20.x function since 2026-06-01; use nodejs22.x or nodejs24.x");
        assertThat(problems(workload("nodejs24.x", "index.handler", "functions/reformat", ""))).isEmpty();
        assertThat(problems(workload("java17", "com.example.Fn::handle", "functions/reformat", "")))
                .anyMatch(problem -> problem.equals("arcs[0].workload.runtime: runtime \"java17\" cannot be "
                        + "deployed: Lambda creates no java17 function since 2026-07-31; use java21 or java25"));
    }

    @Test
    void aHandlerOfAnotherLanguagesFormIsRefusedWithTheFormToWrite() throws IOException {
        assertThat(problems(workload("python3.12", "reformat", "functions/reformat", "")))
                .containsExactly("arcs[0].workload.handler: handler \"reformat\" is not a Python handler; write "
                        + "module.function, e.g. \"reformat.handler\" for def handler(event, context) in reformat.py");
        assertThat(problems(workload("java21", "com.example.Fn::handle::x", "functions/reformat", ""))).singleElement()
                .asString().contains("is not a Java handler");
    }

    @Test
    void aHandlerWhoseModuleIsNotInTheCodeIsRefused() throws IOException {
        assertThat(problems(workload("python3.12", "other.handler", "functions/reformat", ""))).singleElement()
                .asString().startsWith("arcs[0].workload.handler: handler \"other.handler\": no module other.py in ");
        Files.writeString(project.resolve("functions/reformat/index.mjs"), "export const handler = async () => ({});\n");
        assertThat(problems(workload("nodejs22.x", "index.handler", "functions/reformat", ""))).isEmpty();
        assertThat(problems(workload("nodejs22.x", "main.handler", "functions/reformat", ""))).singleElement()
                .asString().contains("no file main.js, main.mjs or main.cjs");
    }

    @Test
    void codeOutsideTheProjectFolderOrMissingIsRefused() throws IOException {
        assertThat(problems(workload("python3.12", "reformat.handler", "../elsewhere", ""))).singleElement()
                .asString().startsWith("arcs[0].workload.codePath: codePath \"../elsewhere\" is outside the project folder");
        assertThat(problems(workload("python3.12", "reformat.handler", "functions/none", ""))).singleElement()
                .asString().startsWith("arcs[0].workload.codePath: codePath \"functions/none\" does not exist");
    }

    @Test
    void aSymlinkOutOfTheProjectFolderIsRefused(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("reformat.py"), "def handler(e, c):\n    return {}\n");
        Files.createSymbolicLink(project.resolve("functions/linked"), elsewhere);
        assertThat(problems(workload("python3.12", "reformat.handler", "functions/linked", ""))).singleElement()
                .asString().contains("leads outside the project folder");
    }

    @Test
    void javaNeedsAJarHoldingTheHandlerClass() throws IOException {
        Path jar = project.resolve("fn.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("com/example/Fn.class"));
            zip.write(new byte[]{(byte) 0xCA, (byte) 0xFE});
            zip.closeEntry();
        }
        assertThat(problems(workload("java21", "com.example.Fn::handle", "fn.jar", ""))).isEmpty();
        assertThat(problems(workload("java21", "com.example.Other", "fn.jar", ""))).singleElement()
                .asString().contains("no class com.example.Other in ");
        assertThat(problems(workload("java21", "com.example.Fn", "functions/reformat", ""))).singleElement()
                .asString().contains("is not a .jar or .zip file");
    }

    @Test
    void unvendoredPythonRequirementsNameThePipCommand() throws IOException {
        Files.writeString(project.resolve("functions/reformat/requirements.txt"), "# parsing\npython-dateutil>=2.8\n");
        assertThat(problems(workload("python3.12", "reformat.handler", "functions/reformat", "")))
                .containsExactly("arcs[0].workload.codePath: requirements.txt lists python-dateutil but "
                        + "functions/reformat does not hold it (cls zips the folder as it is); run: pip install -r "
                        + "functions/reformat/requirements.txt --target functions/reformat");
        Files.createDirectories(project.resolve("functions/reformat/python_dateutil-2.9.0.dist-info"));
        assertThat(problems(workload("python3.12", "reformat.handler", "functions/reformat", ""))).isEmpty();
    }

    @Test
    void unvendoredNodeDependenciesNameTheNpmCommand() throws IOException {
        Path code = project.resolve("functions/reformat");
        Files.writeString(code.resolve("index.js"), "exports.handler = async () => ({});\n");
        Files.writeString(code.resolve("package.json"), "{\"dependencies\": {\"@aws-sdk/client-s3\": \"^3\"}, "
                + "\"devDependencies\": {\"jest\": \"*\"}}");
        assertThat(problems(workload("nodejs22.x", "index.handler", "functions/reformat", "")))
                .containsExactly("arcs[0].workload.codePath: package.json declares @aws-sdk/client-s3 but "
                        + "functions/reformat/node_modules lacks it (cls zips the folder as it is); run: npm install "
                        + "--omit=dev --prefix functions/reformat");
        Files.createDirectories(code.resolve("node_modules/@aws-sdk/client-s3"));
        Files.writeString(code.resolve("node_modules/@aws-sdk/client-s3/package.json"), "{}");
        assertThat(problems(workload("nodejs22.x", "index.handler", "functions/reformat", ""))).isEmpty();
    }

    @Test
    void environmentWithinLambdasRules() throws IOException {
        assertThat(problems(workload("python3.12", "reformat.handler", "functions/reformat",
                ", \"environment\": {\"AWS_REGION\": \"x\", \"1BAD\": \"y\"}")))
                .containsExactly(
                        "arcs[0].workload.environment.AWS_REGION: environment variable AWS_REGION is set by Lambda "
                                + "itself and cannot be overridden; choose another name",
                        "arcs[0].workload.environment[\"1BAD\"]: environment variable name \"1BAD\" is not valid on "
                                + "Lambda; use letters, digits and _, starting with a letter");
        String big = "x".repeat(4100);
        assertThat(problems(workload("python3.12", "reformat.handler", "functions/reformat",
                ", \"environment\": {\"BIG\": \"" + big + "\"}"))).singleElement().asString()
                .contains("over Lambda's limit of 4096");
    }

    @Test
    void lambdaTimeoutAndMemoryLimitsApply() throws IOException {
        assertThat(problems(workload("python3.12", "reformat.handler", "functions/reformat",
                ", \"runtimeProps\": {\"memorySizeMB\": 64, \"timeoutMin\": 16}")))
                .containsExactly(
                        "arcs[0].workload.runtimeProps.memorySizeMB: Lambda memory 64 MB is out of range; use 128 to 10240 MB",
                        "arcs[0].workload.runtimeProps.timeoutMin: Lambda timeout 16 min is out of range; use 1 to 15 min");
    }

    private static String workload(String runtime, String handler, String codePath, String more) {
        return "{\"runtime\": \"" + runtime + "\", \"handler\": \"" + handler + "\", \"codePath\": \"" + codePath + "\""
                + more + "}";
    }

    /** The problems of a one-arc project whose file lies in the project folder, without file and position. */
    private List<String> problems(String workload) throws IOException {
        String text = """
                {
                  "project": {"name": "Fn", "version": "1"},
                  "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"},
                  "boundaries": [{"type": "aws:core:s3PutListenerBoundary", "name": "ingress", "lotUnit": "Twelfths",
                    "eventArrival": "infrequent", "dataset": {"name": "raw", "version": "1", "pathURI": "s3://fn-data/raw/"}}],
                  "arcs": [{"type": "aws:core:lambdaExecArc", "name": "reformat",
                    "sources": {"main": {"name": "raw", "version": "1"}},
                    "sinks": {"main": {"name": "out", "version": "1", "pathURI": "s3://fn-data/out/"}},
                    "workload": WORKLOAD}]
                }
                """.replace("WORKLOAD", workload);
        Path file = project.resolve(fileName);
        Files.writeString(file, text);
        try {
            LoadedProject loaded = new ProjectLoader().loadAll(List.of(ProjectSource.file(file)));
            return new ProjectValidator().validate(loaded, ValidationOptions.offline()).stream()
                    .map(problem -> problem.path() + ": " + problem.message()).toList();
        } catch (ProblemException e) {
            return e.problems().stream().map(Problem::format).toList();
        }
    }
}

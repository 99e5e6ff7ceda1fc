package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cls validate}: loads project files in any format, from files or stdin, and reports every problem. */
class ValidateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SIMPLE_COPY_SUMMARY = "(project SimpleCopy/20230101-00, placement "
            + "aws:dev:123456789012:us-west-2: 1 resource, 0 activities, 1 boundary, 1 arc)";

    /** A self-contained Jsonnet project (no imports), so it can be read from stdin; the stage is an external var. */
    private static final String JSONNET_PROJECT = """
            // read from stdin: no imports, the stage comes from --ext-str stage=...
            local stage = std.extVar('stage');
            local bucket = std.join('-', [stage, 'cls', 'stdin', '123456789012', 'us-west-2']);
            {
              project: { name: 'Stdin', version: '20230101-00' },
              placement: { provider: 'aws', stage: stage, account: '123456789012', region: 'us-west-2' },
              resources: [{ type: 'aws:core:s3Bucket', name: 'bucket', bucketName: bucket }],
              boundaries: [{
                type: 'aws:core:s3PutListenerBoundary',
                name: 'ingress',
                lotUnit: 'Twelfths',
                dataset: { name: 'in', version: '20230101', pathURI: 's3://%s/in/' % bucket },
              }],
            }
            """;

    private static final String SPLIT_B_OWNER_MISSING = "arcs[0].sources.main: dataset owner not found: "
            + "uploads-incoming/20230915";

    static List<Path> everyExample() {
        return Examples.allStandalone();
    }

    @ParameterizedTest
    @MethodSource("everyExample")
    void everyExample_inEveryFormat_isValid(Path file) {
        Cls.Result result = Cls.run("validate", "-p", file.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.outLines()).as("%s", result)
                .singleElement().asString()
                .startsWith("valid: " + file + " (project ")
                .matches(".*, placement aws:[^ ]+: \\d+ resources?, \\d+ activit(y|ies), \\d+ boundar(y|ies), "
                        + "\\d+ arcs?\\)");
        assertThat(result.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple-copy", "copy-chain", "s3-access-logs"})
    void jsonYamlAndJsonnet_ofOneExample_loadIntoTheSameProject(String example) {
        List<String> summaries = List.of("project.json", "project.yaml", "project.jsonnet").stream()
                .map(name -> Examples.file(example + "/" + name))
                .map(file -> {
                    Cls.Result result = Cls.run("validate", "-p", file.toString());
                    assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
                    return result.out().substring(result.out().indexOf(" (project "));
                })
                .toList();

        assertThat(summaries).hasSize(3).containsOnly(summaries.get(0));
    }

    @Test
    void simpleCopy_printsItsSummaryLine() {
        Path file = Examples.file("simple-copy/project.json");

        Cls.Result result = Cls.run("validate", "-p", file.toString());

        assertThat(result.out()).isEqualTo("valid: " + file + " " + SIMPLE_COPY_SUMMARY + System.lineSeparator());
    }

    @ParameterizedTest
    @ValueSource(strings = {"project.json", "project.yaml"})
    void stdin_jsonAndYaml_areDetectedAndValidated(String name) {
        String text = Examples.read(Examples.file("simple-copy/" + name));

        Cls.Result result = Cls.runWithStdin(text, "validate", "-p", "-");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.outLines()).containsExactly("valid: <stdin> " + SIMPLE_COPY_SUMMARY);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void stdin_jsonnet_isEvaluatedWithExtStrs() {
        Cls.Result result = Cls.runWithStdin(JSONNET_PROJECT, "validate", "-p", "-", "--ext-str", "stage=dev");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.outLines()).containsExactly("valid: <stdin> (project Stdin/20230101-00, placement "
                + "aws:dev:123456789012:us-west-2: 1 resource, 0 activities, 1 boundary, 0 arcs)");
    }

    @Test
    void stdin_jsonnet_withoutItsExtStr_failsWithTheJsonnetError() {
        Cls.Result result = Cls.runWithStdin(JSONNET_PROJECT, "validate", "-p", "-");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).hasSize(2);
        assertThat(result.errLines().get(0)).contains("Jsonnet error: Unknown extVar: stage");
        assertThat(result.errLines().get(1)).isEqualTo("1 problem in 1 file");
    }

    @Test
    void stdin_jsonnetError_isReportedAtStdin() {
        // guards a fixed bug: errors in stdin Jsonnet were reported at sjsonnet's internal name "<exec>"
        Cls.Result result = Cls.runWithStdin(JSONNET_PROJECT, "validate", "-p", "-");

        assertThat(result.errLines().get(0)).startsWith("<stdin>:2:").contains("Unknown extVar: stage");
    }

    @Test
    void stdin_givenTwice_isAUsageError() {
        Cls.Result result = Cls.runWithStdin("{}", "validate", "-p", "-", "-p", "-");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("error: -p - (stdin) may be given only once",
                "Try 'cls validate --help' for more information.");
    }

    @Test
    void splitProject_validatesWhenBothFilesAreGiven() {
        Path a = Examples.file("others/split-a.json");
        Path b = Examples.file("others/split-b.json");

        Cls.Result result = Cls.run("validate", "-p", a.toString(), "-p", b.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.outLines()).containsExactly(
                "valid: " + a + " (project Uploads/20230915-01, placement aws:qa:123456789012:us-east-2: "
                        + "1 resource, 0 activities, 1 boundary, 0 arcs)",
                "valid: " + b + " (project Uploads/20230915-01, placement aws:qa:123456789012:us-east-2: "
                        + "0 resources, 0 activities, 0 boundaries, 1 arc)");
    }

    @Test
    void projectFiles_mayBeArguments_aloneOrBesideDashP() {
        Path a = Examples.file("others/split-a.json");
        Path b = Examples.file("others/split-b.json");

        Cls.Result arguments = Cls.run("validate", a.toString(), b.toString());
        Cls.Result mixed = Cls.run("validate", "-p", a.toString(), b.toString());

        assertThat(arguments.exitCode()).as("%s", arguments).isEqualTo(0);
        assertThat(arguments.outLines()).hasSize(2).allMatch(line -> line.startsWith("valid: "));
        assertThat(mixed.exitCode()).as("%s", mixed).isEqualTo(0);
        assertThat(mixed.out()).isEqualTo(arguments.out());
    }

    @Test
    void splitProject_filesMayBeCommaSeparated() {
        Path a = Examples.file("others/split-a.json");
        Path b = Examples.file("others/split-b.json");

        Cls.Result result = Cls.run("validate", "-p", a + "," + b);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.outLines()).hasSize(2);
    }

    @Test
    void splitB_alone_failsBecauseItsSourceHasNoOwner() {
        Path b = Examples.file("others/split-b.json");

        Cls.Result result = Cls.run("validate", "-p", b.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).hasSize(2);
        assertThat(result.errLines().get(0)).startsWith(b + ":11:27: " + SPLIT_B_OWNER_MISSING);
        assertThat(result.errLines().get(1)).isEqualTo("1 problem in 1 file");
    }

    @Test
    void outputJson_ofValidProject_listsEveryFile() throws IOException {
        Path a = Examples.file("others/split-a.json");
        Path yaml = Examples.file("simple-copy/project.yaml");

        Cls.Result resultA = Cls.run("--output", "json", "validate", "-p", a.toString());
        Cls.Result resultYaml = Cls.run("validate", "--output", "json", "-p", yaml.toString());

        assertThat(resultA.exitCode()).as("%s", resultA).isEqualTo(0);
        assertThat(resultA.err()).isEmpty();
        assertThat(JSON.readTree(resultA.out())).isEqualTo(JSON.readTree("""
                {"valid": true,
                 "files": [{"file": %s, "format": "json", "project": "Uploads/20230915-01",
                            "placement": "aws:qa:123456789012:us-east-2"}],
                 "problems": []}
                """.formatted(JSON.writeValueAsString(a.toString()))));
        assertThat(resultYaml.exitCode()).as("%s", resultYaml).isEqualTo(0);
        assertThat(JSON.readTree(resultYaml.out()).at("/files/0/format").asText()).isEqualTo("yaml");
    }

    @Test
    void outputJson_ofInvalidProject_givesFileLineColumnPathAndMessage() throws IOException {
        Path b = Examples.file("others/split-b.json");

        Cls.Result result = Cls.run("--output", "json", "validate", "-p", b.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.err()).isEmpty();
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("files")).isEmpty();
        assertThat(report.get("problems")).hasSize(1);
        JsonNode problem = report.get("problems").get(0);
        assertThat(problem.get("file").asText()).isEqualTo(b.toString());
        assertThat(problem.get("line").asInt()).isEqualTo(11);
        assertThat(problem.get("column").asInt()).isEqualTo(27);
        assertThat(problem.get("path").asText()).isEqualTo("arcs[0].sources.main");
        assertThat(problem.get("message").asText()).startsWith("dataset owner not found: uploads-incoming/20230915");
    }

    @Test
    void outputJson_ofSyntaxError_hasAPositionButNoPath(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\n  \"project\": {\"name\": \"X\",,}\n}\n");

        Cls.Result result = Cls.run("--output", "json", "validate", "-p", file.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        JsonNode problem = JSON.readTree(result.out()).get("problems").get(0);
        assertThat(problem.get("file").asText()).isEqualTo(file.toString());
        assertThat(problem.get("line").asInt()).isEqualTo(2);
        assertThat(problem.has("column")).isTrue();
        assertThat(problem.has("path")).isFalse();
        assertThat(problem.get("message").asText()).startsWith("JSON syntax error: ");
    }

    @Test
    void unknownField_isReportedWithItsPositionAndTheKnownFields(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("unknown.yaml"), """
                project: {name: X, version: "1"}
                placement: {provider: aws, account: "123456789012", region: us-west-2}
                colour: blue
                """);

        Cls.Result result = Cls.run("validate", "-p", file.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.errLines()).containsExactly(
                file + ":3:1: colour: unknown field \"colour\"; known fields: project, placement, freshnessTopic, resources, "
                        + "activities, boundaries, barriers, arcs",
                "1 problem in 1 file");
    }

    @Test
    void problemsOfSeveralFiles_areAllReported(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");

        Cls.Result result = Cls.run("validate", "-p", empty.toString(), "-p", array.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.errLines()).hasSize(3);
        assertThat(result.errLines().get(0)).startsWith(empty + ": file is empty");
        assertThat(result.errLines().get(1)).startsWith(array + ":1:1: expected a project object at the top level");
        assertThat(result.errLines().get(2)).isEqualTo("2 problems in 2 files");
    }

    @Test
    void missingFile_isOneReadableLine() {
        Path missing = Path.of("no-such-dir", "no-such-project.json");

        Cls.Result result = Cls.run("validate", "-p", missing.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.errLines()).containsExactly(missing + ": file does not exist; check the path given to -p",
                "1 problem in 1 file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"project\": ", "project: [", "local x = ;", "\u0000binary"})
    void failingFile_neverPrintsAStackTrace(String text, @TempDir Path dir) throws IOException {
        String name = text.startsWith("{") ? "p.json" : text.startsWith("project") ? "p.yaml"
                : text.startsWith("local") ? "p.jsonnet" : "p.json";
        Path file = Files.writeString(dir.resolve(name), text);

        Cls.Result plain = Cls.run("validate", "-p", file.toString());
        Cls.Result verbose = Cls.run("-v", "validate", "-p", file.toString());

        assertThat(plain.exitCode()).as("%s", plain).isEqualTo(1);
        assertThat(plain.errLines()).as("%s", plain)
                .hasSize(2)
                .noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
        assertThat(plain.errLines().get(0)).startsWith(file + ":");
        // a problem in a file is not a crash: -v shows the same lines
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.err()).isEqualTo(plain.err());
    }

    @Test
    void missingProjectOption_isAUsageError() {
        Cls.Result result = Cls.run("validate");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly("error: which project? Give the project files as arguments "
                + "(cls validate project.json) or with -p FILE", "Try 'cls validate --help' for more information.");
    }

    @Test
    void unknownOption_isAUsageError() {
        Cls.Result result = Cls.run("validate", "--bogus", "-p", "x.json");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.errLines()).first().isEqualTo("error: Unknown option: '--bogus'");
        assertThat(result.errLines()).last().isEqualTo("Try 'cls validate --help' for more information.");
    }

    @Test
    void malformedExtStr_isAUsageError() {
        Cls.Result result = Cls.run("validate", "-p", "x.jsonnet", "--ext-str", "novalue");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.err()).contains("--ext-str").contains("novalue");
    }

    @Test
    void help_describesTheExitCodes() {
        Cls.Result result = Cls.run("validate", "--help");

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.out()).contains("Usage: cls validate").contains("-p, --project=FILE")
                .contains("--ext-str=KEY=VALUE").contains("Exit code 0 when valid, 1");
    }
}

package io.clusterless.model.load;

import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.validate.ProjectValidator;
import io.clusterless.model.validate.ValidationOptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.clusterless.model.load.SampleProjects.BASE;
import static io.clusterless.model.load.SampleProjects.JSONNET_BASE;
import static io.clusterless.model.load.SampleProjects.YAML_BASE;
import static io.clusterless.model.load.SampleProjects.edit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What `cls validate` tells a user about a broken project file: one row per mistake, each a small mutation of a valid
 * project, with the exact lines printed ({@code FILE:LINE:COL: path: message}). A row that fails names the message
 * that changed or the check that stopped firing.
 */
class BadProjectFilesTest {
    private final ProjectLoader loader = new ProjectLoader();
    private final ProjectValidator validator = new ProjectValidator();

    @Test
    void baseProjectsAreValidSoEveryRowTestsOnlyItsOwnMutation(@TempDir Path tmp) {
        assertThat(problemsOf(List.of(ProjectSource.text("project.json", BASE, SourceFormat.JSON)))).isEmpty();
        assertThat(problemsOf(List.of(ProjectSource.text("project.yaml", YAML_BASE, SourceFormat.YAML)))).isEmpty();
        assertThat(problemsOf(List.of(jsonnetFile(tmp, "project.jsonnet", JSONNET_BASE)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void reportsEachMistakeWithItsPositionPathAndRemedy(BadInput input, @TempDir Path tmp) {
        // GIVEN a project with one mistake
        List<ProjectSource> sources = input.sources().apply(tmp);

        // WHEN it is loaded and validated as `cls validate` does
        List<String> printed = problemsOf(sources);

        // THEN exactly the expected lines are printed: no StackOverflowError or stack trace, nothing extra
        assertThat(printed).containsExactlyElementsOf(input.expected());
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("validTextsForStdin")
    void stdinDashReadsTheInputStreamAndSniffsItsFormat(String text, SourceFormat format, String description) {
        // GIVEN `-p -` with the project piped in, as in `jsonnet x.jsonnet | cls validate -p -`
        ProjectLoader stdinLoader = new ProjectLoader(ComponentRegistry.defaultRegistry(),
                Map.of(), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

        // WHEN it is loaded
        LoadedFile file = stdinLoader.load(new ProjectSource(ProjectSource.STDIN, null, null, null));

        // THEN the format was told from the text alone, and messages would name <stdin>
        assertThat(file.format()).isEqualTo(format);
        assertThat(file.display()).isEqualTo("<stdin>");
        assertThat(file.deployable().getBoundaries()).singleElement()
                .satisfies(boundary -> assertThat(boundary.getDataset().getPathURI()).isEqualTo("s3://dev-demo-data/raw/"));
    }

    static Stream<Arguments> validTextsForStdin() {
        // Jsonnet that starts with a brace is told from JSON by its unquoted keys and single-quoted strings
        String braceLedJsonnet = JSONNET_BASE.substring(JSONNET_BASE.indexOf('{'))
                .replace("bucketName: bucket", "bucketName: 'dev-demo-data'")
                .replace("uri('raw')", "'s3://dev-demo-data/raw/'");
        return Stream.of(
                Arguments.of(BASE, SourceFormat.JSON, "JSON"),
                Arguments.of(YAML_BASE, SourceFormat.YAML, "YAML"),
                Arguments.of(JSONNET_BASE, SourceFormat.JSONNET, "Jsonnet led by local"),
                Arguments.of(braceLedJsonnet, SourceFormat.JSONNET, "Jsonnet led by a brace"));
    }

    @Test
    void jsonWithOnlyCommentsAndQuotedWordsIsNotMistakenForJsonnet() {
        // bare words inside strings and comments must not make JSON look like Jsonnet
        String text = "// local import function\n# std.\n" + edit("\"name\": \"Demo\"", "\"name\": \"local\"");

        assertThat(SourceFormat.sniff(text)).isEqualTo(SourceFormat.JSON);
    }

    static Stream<Named<BadInput>> badInputs() {
        return Stream.of(
                // --- syntax -------------------------------------------------------------------------------------
                json("JSON trailing comma", edit("\"region\": \"us-west-2\"}", "\"region\": \"us-west-2\",}"),
                        "project.json:3:101: JSON syntax error: unexpected character ('}'): was expecting double-quote to start field name"),
                json("JSON missing closing brace", BASE.strip().substring(0, BASE.strip().length() - 1),
                        "project.json:30:1: JSON syntax error: unexpected end of file: expected '}' to close the object opened at line 1, column 1"),
                json("JSON unterminated string", edit("\"glue:///demo/events\"}}}", "\"glue:///demo/events}}}"),
                        "project.json:28:97: JSON syntax error: line break inside a string; a closing quote is missing (or write the line break as \\n)"),
                json("JSON mismatched bracket", edit("  ],\n  \"activities\"", "  },\n  \"activities\""),
                        "project.json:9:3: JSON syntax error: unexpected '}': expected ']' (for Array starting at line 4, column 16)"),
                json("JSON truncated inside a string", BASE.substring(0, BASE.indexOf("20230101-00")),
                        "project.json:2:43: JSON syntax error: unexpected end of file: was expecting closing quote for a string value"),
                yaml("YAML mis-indented field", YAML_BASE.replace("  version: \"20230101-00\"", "   version: \"20230101-00\""),
                        "project.yaml:3:11: YAML syntax error: mapping values are not allowed here"),
                yaml("YAML tab indentation", YAML_BASE.replace("  stage: dev", "\tstage: dev"),
                        "project.yaml:6:1: YAML syntax error: while scanning for the next token: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"),
                jsonnet("Jsonnet syntax error", JSONNET_BASE.replace("lotUnit: 'Twelfths',", "lotUnit: 'Twelfths',,"),
                        "project.jsonnet:8:82: Jsonnet error: Expected \"}\", found \",\\n    data\""),
                jsonnet("Jsonnet unknown variable", JSONNET_BASE.replace("bucketName: bucket", "bucketName: bukket"),
                        "project.jsonnet:6:72: Jsonnet error: Unknown variable: bukket"),

                // --- shape -------------------------------------------------------------------------------------
                json("unknown top-level field", edit("\"activities\": [", "\"activites\": ["),
                        "project.json:10:3: activites: unknown field \"activites\"; did you mean \"activities\"? known fields: project, placement, freshnessTopic, resources, activities, boundaries, barriers, arcs"),
                json("unknown nested field suggests the known one",
                        edit("\"memorySizeMB\": 512", "\"memorySizeMb\": 512"),
                        "project.json:21:87: arcs[0].workload.runtimeProps.memorySizeMb: unknown field \"memorySizeMb\"; did you mean \"memorySizeMB\"? known fields: memorySizeMB, retryAttempts, timeoutMin, architecture"),
                json("unknown component type", edit("\"aws:core:s3CopyArc\"", "\"aws:core:s3Copy\""),
                        "project.json:18:14: arcs[0].type: unknown component type \"aws:core:s3Copy\"; did you mean \"aws:core:s3CopyArc\"? Known arc types: aws:core:athenaQueryArc, aws:core:batchExecArc, aws:core:glueAddPartitionsArc, aws:core:glueJobArc, aws:core:lambdaExecArc, aws:core:s3CopyArc, aws:core:sageMakerProcessingArc, aws:core:sageMakerTrainingArc"),
                json("missing type", edit("{\"type\": \"aws:core:glueDatabase\", ", "{"),
                        "project.json:7:5: resources[2]: missing required field \"type\"; a resource needs one of: aws:core:computeEnvironment, aws:core:eventBus, aws:core:glueDatabase, aws:core:glueTable, aws:core:s3Bucket"),
                json("arc type listed under resources",
                        edit("\"aws:core:computeEnvironment\", \"name\": \"compute\", \"computeEnvironmentName\": \"demoCompute\"",
                                "\"aws:core:s3CopyArc\", \"name\": \"compute\""),
                        "project.json:6:14: resources[1].type: \"aws:core:s3CopyArc\" is an arc type; list it under \"arcs\", not \"resources\""),
                json("string for an integer", edit("\"memorySizeMB\": 512", "\"memorySizeMB\": \"512\""),
                        "project.json:21:103: arcs[0].workload.runtimeProps.memorySizeMB: expected an integer, found string \"512\""),
                json("object for a name", edit("\"name\": \"Demo\"", "\"name\": {\"first\": \"Demo\"}"),
                        "project.json:2:23: project.name: expected a string, found an object"),
                json("number for a boolean", edit("\"removeOnDestroy\": true", "\"removeOnDestroy\": 1"),
                        "project.json:5:103: resources[0].removeOnDestroy: expected true or false, found number 1"),
                yaml("YAML no read as a boolean", YAML_BASE.replace("stage: dev", "stage: no"),
                        "project.yaml:6:10: placement.stage: expected a string, found boolean false (in YAML, quote values such as yes, no, on, off)"),
                json("missing project name", edit("\"name\": \"Demo\", ", ""),
                        "project.json:2:14: project: missing required field \"name\" (Project name, CamelCase; hyphenated into every physical name. Keep it short; changing it makes a new project)"),
                json("missing bucketName", edit(", \"bucketName\": \"dev-demo-data\"", ""),
                        "project.json:5:5: resources[0]: missing required field \"bucketName\" (Globally unique bucket name: 3-63 characters, lower case, digits, '.' and '-')"),
                json("missing boundary dataset",
                        edit(",\n     \"dataset\": {\"name\": \"raw\", \"version\": \"1\", \"pathURI\": \"s3://dev-demo-data/raw/\"}}",
                                "}"),
                        "project.json:14:5: boundaries[0]: missing required field \"dataset\" (The dataset this boundary produces: name, version and the s3:// prefix listened to)"),
                json("duplicate JSON key", edit("\"name\": \"bucket\"", "\"name\": \"bucket\", \"name\": \"bucket2\""),
                        "project.json:5:53: resources[0].name: duplicate field \"name\"; each field may appear once in an object"),
                json("empty file", "",
                        "project.json: file is empty: expected a project object with \"project\" and \"placement\" (see `cls show model --model deployable`)"),
                json("whitespace only", "  \n\t\n  ",
                        "project.json: file is empty: expected a project object with \"project\" and \"placement\" (see `cls show model --model deployable`)"),
                json("comments only", "// nothing yet\n/* still nothing */\n# and nothing\n",
                        "project.json: file is empty: expected a project object with \"project\" and \"placement\" (see `cls show model --model deployable`)"),
                json("top-level array", "[" + BASE + "]",
                        "project.json:1:1: expected a project object at the top level, found an array; a file holds exactly one project object"),
                json("binary content", "{\"project\": \u0000\u0001\u0002}",
                        "project.json: not a text file: binary data (a NUL byte) at byte 12; project files are UTF-8 JSON, YAML or Jsonnet"),
                json("JSON nested 100,000 deep", "{\"project\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}",
                        "project.json:1:213: nesting is deeper than 200 levels; project files are only a few levels deep"),
                yaml("YAML nested 100,000 deep", "project: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n",
                        "project.yaml:1:210: nesting is deeper than 200 levels; project files are only a few levels deep"),
                jsonnet("Jsonnet nested 100,000 deep", "{project: " + "[".repeat(100_000) + "]".repeat(100_000) + "}",
                        "project.jsonnet: nesting is deeper than 200 levels; project files are only a few levels deep"),
                file("file over 16 MiB", "huge.json", () -> {
                    byte[] bytes = new byte[ProjectText.MAX_BYTES + 1];
                    Arrays.fill(bytes, (byte) ' ');
                    bytes[0] = '{';
                    bytes[bytes.length - 1] = '}';
                    return bytes;
                },
                        "huge.json: file is larger than 16 MiB, the limit for project files"),
                json("more than 250,000 values", edit("\"arcs\": [", "\"filler\": [" + "0,\n".repeat(250_000) + "0],\n  \"arcs\": ["),
                        "project.json:249969:1: more than 250000 values; project files hold a few thousand"),

                // --- rules -------------------------------------------------------------------------------------
                json("bucket name with upper case", bucket("Dev-Demo-Data"),
                        "project.json:5:67: resources[0].bucketName: bucket name \"Dev-Demo-Data\" may use only lower-case letters, digits, '.' and '-'"),
                json("bucket name too long", bucket("dev-" + "d".repeat(60)),
                        "project.json:5:67: resources[0].bucketName: bucket name \"dev-dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd\" is 64 characters long; bucket names have 3 to 63"),
                json("bucket name with two adjacent periods", bucket("dev..demo"),
                        "project.json:5:67: resources[0].bucketName: bucket name \"dev..demo\" must not contain two adjacent periods"),
                json("bucket name like an IP address", bucket("192.168.1.10"),
                        "project.json:5:67: resources[0].bucketName: bucket name \"192.168.1.10\" must not look like an IP address"),
                json("bucket name with xn-- prefix", bucket("xn--demo-data"),
                        "project.json:5:67: resources[0].bucketName: bucket name \"xn--demo-data\" must not start with the reserved prefix \"xn--\""),
                json("bucket name with -s3alias suffix", bucket("demo-data-s3alias"),
                        "project.json:5:67: resources[0].bucketName: bucket name \"demo-data-s3alias\" must not end with the reserved suffix \"-s3alias\""),
                json("unsupported lot unit", edit("\"lotUnit\": \"Twelfths\"", "\"lotUnit\": \"Weeks\""),
                        "project.json:14:78: boundaries[0].lotUnit: unsupported lotUnit \"Weeks\"; use Fourths (15 min), Sixths (10 min), Twelfths (5 min), Hours or Days"),
                json("unsupported activity interval", edit("\"interval\": \"Fourths\"", "\"interval\": \"Daily\""),
                        "project.json:11:71: activities[0].interval: unsupported interval \"Daily\"; use Fourths (15 min), Sixths (10 min), Twelfths (5 min), Hours or Days"),
                json("veryFrequent arrival", edit("\"eventArrival\": \"infrequent\"", "\"eventArrival\": \"veryFrequent\""),
                        "project.json:14:106: boundaries[0].eventArrival: eventArrival \"veryFrequent\" is not supported yet; use \"frequent\""),
                json("keyTimestampRegex without keyRegex", edit("\"eventArrival\": \"infrequent\"",
                        "\"eventArrival\": \"infrequent\", \"infrequent\": {\"lotSource\": \"keyTimestampRegex\"}"),
                        "project.json:14:148: boundaries[0].infrequent.lotSource: lotSource keyTimestampRegex needs \"keyRegex\": a regex over the object key whose groups give the lot time"),
                json("account not 12 digits", edit("\"123456789012\"", "\"12345\""),
                        "project.json:3:63: placement.account: account \"12345\" must be a 12-digit AWS account id"),
                json("region not an AWS region", edit("\"us-west-2\"", "\"US West\""),
                        "project.json:3:89: placement.region: region \"US West\" is not an AWS region name such as us-west-2"),
                json("provider not aws", edit("\"provider\": \"aws\"", "\"provider\": \"gcp\""),
                        "project.json:3:29: placement.provider: unsupported provider \"gcp\"; only \"aws\" exists"),
                json("source with no owner", edit("{\"main\": {\"name\": \"raw\", \"version\": \"1\"}}",
                        "{\"main\": {\"name\": \"raw\", \"version\": \"2\"}}"),
                        "project.json:19:26: arcs[0].sources.main: dataset owner not found: raw/2; no boundary dataset or arc sink in the given files produces it (check name and version, or add the owning project file with another -p)"),
                json("dataset with two owners",
                        edit("\"sinks\": {\"main\": {\"name\": \"partitions\"", "\"sinks\": {\"main\": {\"name\": \"copied\""),
                        "project.json:28:24: arcs[2].sinks.main: dataset copied/1 is owned by multiple components: [arcs[0] (copy), arcs[2] (partitions)]; give each producer its own dataset name or version"),
                json("arc reads and writes the same dataset",
                        edit("\"sources\": {\"main\": {\"name\": \"parquet\"", "\"sources\": {\"main\": {\"name\": \"partitions\""),
                        "project.json:28:24: arcs[2].sinks.main: arc reads and writes the same dataset partitions/1; give the sink a new name or version"),
                json("names equal once hyphenated", edit("\"name\": \"copy\"", "\"name\": \"copyA\"")
                        .replace("\"name\": \"convert\"", "\"name\": \"copy-a\""),
                        "project.json:22:47: arcs[1].name: duplicate name \"copy-a\" in arcs, also used by project.json arcs[0] (copyA); names must be unique within arcs once hyphenated as in physical names (copyA and copy-a are the same)"),
                json("Lambda name over 64 characters", edit("\"name\": \"Demo\"", "\"name\": \"DemonstrationOfAVeryLongProjectName\""),
                        "project.json:11:51: activities[0].name: Lambda function name \"DEV-demonstration-of-a-very-long-project-name-logs-act-20230101-00-us-west-2\" is 76 characters, over AWS's limit of 64; shorten the activity name or the project name",
                        "project.json:14:56: boundaries[0].name: Lambda function name \"DEV-demonstration-of-a-very-long-project-name-ingress-int-20230101-00-us-west-2\" is 79 characters, over AWS's limit of 64; shorten the boundary name or the project name",
                        "project.json:18:44: arcs[0].name: Lambda function name \"DEV-demonstration-of-a-very-long-project-name-copy-start-20230101-00-us-west-2\" is 78 characters, over AWS's limit of 64; shorten the arc name or the project name",
                        "project.json:22:47: arcs[1].name: Lambda function name \"DEV-demonstration-of-a-very-long-project-name-convert-start-20230101-00-us-west-2\" is 81 characters, over AWS's limit of 64; shorten the arc name or the project name",
                        "project.json:26:55: arcs[2].name: Lambda function name \"DEV-demonstration-of-a-very-long-project-name-partitions-start-20230101-00-us-west-2\" is 84 characters, over AWS's limit of 64; shorten the arc name or the project name"),
                json("Lambda memory below 128 MB", edit("\"memorySizeMB\": 512", "\"memorySizeMB\": 64"),
                        "project.json:21:103: arcs[0].workload.runtimeProps.memorySizeMB: Lambda memory 64 MB is out of range; use 128 to 10240 MB"),
                json("Lambda memory above 10240 MB", edit("\"memorySizeMB\": 512", "\"memorySizeMB\": 20000"),
                        "project.json:21:103: arcs[0].workload.runtimeProps.memorySizeMB: Lambda memory 20000 MB is out of range; use 128 to 10240 MB"),
                json("Batch memory below 512 MB", edit("\"memorySizeMB\": 2048", "\"memorySizeMB\": 256"),
                        "project.json:25:113: arcs[1].workload.batchRuntimeProps.memorySizeMB: Batch memory 256 MB is out of range; use 512 to 10240 MB"),
                json("Lambda timeout over 15 minutes", edit("\"timeoutMin\": 10", "\"timeoutMin\": 30"),
                        "project.json:21:122: arcs[0].workload.runtimeProps.timeoutMin: Lambda timeout 30 min is out of range; use 1 to 15 min"),
                json("failArcOnPartialPercent over 1", edit("0.1", "1.5"),
                        "project.json:21:64: arcs[0].workload.workloadProps.failArcOnPartialPercent: failArcOnPartialPercent 1.5 is out of range; use a fraction from 0.0 to 1.0"),
                json("s3CopyArc sink with a glue URI", edit("s3://dev-demo-data/copied/", "glue:///demo/copied"),
                        "project.json:20:70: arcs[0].sinks.main.pathURI: glue:// sinks are only for aws:core:glueAddPartitionsArc; write s3://bucket/prefix/"),
                json("Glue sink without a table", edit("glue:///demo/events", "glue:///demo"),
                        "project.json:28:74: arcs[2].sinks.main.pathURI: \"glue:///demo\" must name a database and a table: glue://[catalog]/database/table"),
                json("http pathURI", edit("s3://dev-demo-data/raw/", "http://example.com/raw/"),
                        "project.json:15:60: boundaries[0].dataset.pathURI: boundary dataset \"http://example.com/raw/\" is not an S3 location; write s3://bucket/prefix/"),
                json("barriers not supported yet", edit("\"arcs\": [", "\"barriers\": [{\"name\": \"join\"}],\n  \"arcs\": ["),
                        "project.json:17:16: barriers[0]: barriers are not supported yet; remove the \"barriers\" entries (an arc per source dataset runs each lot independently)"),
                json("unresolved computeEnvironmentRef", edit("\"computeEnvironmentRef\": \"compute\"", "\"computeEnvironmentRef\": \"gpu\""),
                        "project.json:25:44: arcs[1].workload.computeEnvironmentRef: no computeEnvironment named \"gpu\" in this project; use the name of an aws:core:computeEnvironment component, a ref:... export or an arn:"),
                json("unresolved databaseRef", edit("\"databaseRef\": \"database\"", "\"databaseRef\": \"warehouse\""),
                        "project.json:8:68: resources[3].databaseRef: no glueDatabase named \"warehouse\" in this project; use the name of an aws:core:glueDatabase component, a ref:... export or an arn:"),
                json("bucketRef to something other than a bucket", edit("\"bucketRef\": \"bucket\"", "\"bucketRef\": \"table\""),
                        "project.json:11:131: activities[0].bucketRef: \"table\" names an aws:core:glueTable, expected an aws:core:s3Bucket"),
                files("files with different versions",
                        ProjectSource.text("a.json", BASE, SourceFormat.JSON),
                        ProjectSource.text("b.json", """
                                {
                                  "project": {"name": "Demo", "version": "20230102-00"},
                                  "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"}
                                }
                                """, SourceFormat.JSON),
                        "b.json:2:42: project.version: all project files must have the same project version: a.json has \"20230101-00\", this file has \"20230102-00\""),

                // --- stdin (`-p -`): the format is sniffed from the text -------------------------------------
                sniffed("stdin JSON", edit("\"memorySizeMB\": 512", "\"memorySizeMB\": 512,,"),
                        "<stdin>:21:107: JSON syntax error: unexpected character (','): was expecting double-quote to start field name"),
                sniffed("stdin YAML", YAML_BASE.replace("lotUnit: Twelfths", "lotUnit: Weeks"),
                        "<stdin>:16:14: boundaries[0].lotUnit: unsupported lotUnit \"Weeks\"; use Fourths (15 min), Sixths (10 min), Twelfths (5 min), Hours or Days"),
                sniffed("stdin Jsonnet", JSONNET_BASE.replace("uri('raw')", "uri('raw', 'extra')"),
                        "<stdin>:9:55: Jsonnet error: Too many args, function has 1 parameter(s)")
        );
    }

    // --- rows ----------------------------------------------------------------------------------------------------

    record BadInput(String behaviour, Function<Path, List<ProjectSource>> sources, List<String> expected) {
        @Override
        public String toString() {
            return behaviour;
        }
    }

    private static Named<BadInput> row(String behaviour, Function<Path, List<ProjectSource>> sources,
                                       String... expected) {
        return Named.of(behaviour, new BadInput(behaviour, sources, List.of(expected)));
    }

    private static Named<BadInput> json(String behaviour, String text, String... expected) {
        return row(behaviour, tmp -> List.of(ProjectSource.text("project.json", text, SourceFormat.JSON)), expected);
    }

    private static Named<BadInput> yaml(String behaviour, String text, String... expected) {
        return row(behaviour, tmp -> List.of(ProjectSource.text("project.yaml", text, SourceFormat.YAML)), expected);
    }

    /** Jsonnet is read from a file, as `cls -p x.jsonnet` does, so imports and positions work. */
    private static Named<BadInput> jsonnet(String behaviour, String text, String... expected) {
        return row(behaviour, tmp -> List.of(jsonnetFile(tmp, "project.jsonnet", text)), expected);
    }

    private static Named<BadInput> file(String behaviour, String name, Supplier<byte[]> content,
                                        String... expected) {
        return row(behaviour, tmp -> {
            Path path = tmp.resolve(name);
            write(path, content.get());
            return List.of(new ProjectSource(name, path, null, null));
        }, expected);
    }

    private static Named<BadInput> files(String behaviour, ProjectSource a, ProjectSource b, String... expected) {
        return row(behaviour, tmp -> List.of(a, b), expected);
    }

    /** Text on stdin: no file name, so the format comes from the text alone. */
    private static Named<BadInput> sniffed(String behaviour, String text, String... expected) {
        return row(behaviour, tmp -> List.of(ProjectSource.text("<stdin>", text)), expected);
    }

    static ProjectSource jsonnetFile(Path dir, String name, String text) {
        Path path = dir.resolve(name);
        write(path, text.getBytes(StandardCharsets.UTF_8));
        return new ProjectSource(name, path, null, null);
    }

    private static void write(Path path, byte[] bytes) {
        try {
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bucket(String name) {
        return edit("\"bucketName\": \"dev-demo-data\"", "\"bucketName\": \"" + name + "\"");
    }

    private List<String> problemsOf(List<ProjectSource> sources) {
        try {
            LoadedProject project = loader.loadAll(sources);
            // the base's batch arc names an image folder ("app") no row provides; ImagePathRuleTest covers imagePath
            return validator.validate(project, new ValidationOptions(false, false)).stream().map(Problem::format)
                    .toList();
        } catch (ProblemException e) {
            return e.problems().stream().map(Problem::format).toList();
        }
    }
}

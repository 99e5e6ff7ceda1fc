package io.clusterless.local.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario files as the original's runner read them, run on the local substrate with a fixed clock. */
class ScenarioRunnerTest {
    private static final String BUCKET = "dev-cls-copy-chain-123456789012-us-west-2";
    private static final Path PROJECT = Path.of("..", "examples", "copy-chain", "project.json").toAbsolutePath()
            .normalize();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T10:07:30Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private ScenarioRunner runner(ScenarioOptions options) {
        return new ScenarioRunner(dir.resolve("local"), 2, CLOCK, options);
    }

    private static ScenarioOptions keep() {
        return new ScenarioOptions(Map.of(), false, false, true, false);
    }

    private Path scenario(String name, String body) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("scenarios").resolve(name));
        Path file = folder.resolve("scenario.json");
        Files.writeString(file, "{\"name\": \"" + name + "\", \"projectFiles\": [\"" + PROJECT.toString()
                .replace("\\", "/") + "\"], " + body + "}");
        return file;
    }

    private Path bucketDir(String name, String prefix) {
        return dir.resolve("local").resolve(name).resolve("buckets").resolve(BUCKET).resolve(prefix);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void storesWithoutNameCountOrRecordGetTheOriginalsDefaults() throws IOException {
        Path file = scenario("defaults", """
                "ingressStores": [{"path": "s3://%s/ingress/"}],
                "watchedStores": [{"path": "s3://%s/copy-a/"}]""".formatted(BUCKET, BUCKET));

        ScenarioResult result = runner(keep()).run(file);

        assertThat(result.result()).as(result.toString()).isEqualTo("passed");
        assertThat(result.detail()).contains("copy-a/ 3/3");
        List<Path> copied = files(bucketDir("defaults", "copy-a"));
        // data-%04d-%d.txt with the iteration counted from 1, then the epoch millis of the upload
        assertThat(copied).extracting(p -> p.getFileName().toString().replaceFirst("-\\d+\\.txt$", ""))
                .containsExactly("data-0001", "data-0002", "data-0003");
        // objectCount lines of %d,value
        assertThat(Files.readString(copied.get(0))).isEqualTo("0,value\n1,value\n2,value");
    }

    @Test
    void aWatchedStoreWithoutACountOverAnEmptyPrefixFails() throws IOException {
        Path file = scenario("vacuous", """
                "ingressStores": [{"path": "s3://%s/ingress/"}],
                "watchedStores": [{"path": "s3://%s/nothing-arrives-here/"}]""".formatted(BUCKET, BUCKET));

        ScenarioResult result = runner(ScenarioOptions.defaults()).run(file);

        assertThat(result.result()).isEqualTo("failed");
        assertThat(result.detail()).contains("nothing-arrives-here/ holds 0 of the 3 expected");
    }

    @Test
    void aScenarioThatCouldNotFailIsRejectedBeforeRunning() throws IOException {
        Path zero = scenario("zero", """
                "ingressStores": [{"path": "s3://%s/ingress/"}],
                "watchedStores": [{"path": "s3://%s/copy-a/", "objectCount": 0}]""".formatted(BUCKET, BUCKET));
        Path none = scenario("none", """
                "ingressStores": [{"path": "s3://%s/ingress/"}]""".formatted(BUCKET));

        ScenarioResult zeroResult = runner(ScenarioOptions.defaults()).run(zero);
        ScenarioResult noneResult = runner(ScenarioOptions.defaults()).run(none);

        assertThat(zeroResult.result()).isEqualTo("failed");
        assertThat(zeroResult.detail()).contains(zero + ": watchedStores[0].objectCount is 0; give at least 1");
        assertThat(noneResult.result()).isEqualTo("failed");
        assertThat(noneResult.detail()).contains(none + ": watchedStores is empty");
        assertThat(dir.resolve("local")).doesNotExist();
    }

    @Test
    void badFormatsAreNamedByFieldBeforeRunning() throws IOException {
        Path file = scenario("formats", """
                "ingressStores": [{"path": "s3://%s/ingress/", "objectName": "data-%%s-%%q", "record": {"value": "%%x"}}],
                "watchedStores": [{"path": "s3://%s/copy-a/", "watchType": "sqs"}]""".formatted(BUCKET, BUCKET));

        ScenarioResult result = runner(ScenarioOptions.defaults()).run(file);

        assertThat(result.result()).isEqualTo("failed");
        assertThat(result.detail()).contains("ingressStores[0].objectName 'data-%s-%q' is not a format")
                .contains("watchedStores[0].watchType is sqs; give s3 or glue");
    }

    @Test
    void aJsonnetScenarioReadsExtStrsAndAMissingJsonProjectIsReadFromItsJsonnetSource() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("scenarios").resolve("jsonnet"));
        // imports resolve only inside the scenario project's folder (issue 12): the example is copied beside it
        Files.copy(PROJECT, folder.resolve("base.json"));
        Files.writeString(folder.resolve("project.jsonnet"), "import 'base.json'\n");
        Files.writeString(folder.resolve("scenario.json"), "{\"name\": \"stale\"}");
        Path file = folder.resolve("scenario.jsonnet");
        Files.writeString(file, """
                local bucket = std.extVar('bucket');
                {
                  name: 'jsonnet',
                  projectFiles: ['project.json'],
                  ingressStores: [{ path: 's3://' + bucket + '/ingress/' }],
                  watchedStores: [{ path: 's3://' + bucket + '/copy-c/' }],
                }
                """);

        assertThat(ScenarioRunner.find(dir.resolve("scenarios"))).containsExactly(file);
        ScenarioResult result = runner(new ScenarioOptions(Map.of("bucket", BUCKET), false, false, false, false))
                .run(file);

        assertThat(result.result()).as(result.toString()).isEqualTo("passed");
        assertThat(result.detail()).contains("copy-c/ 3/3");
    }

    @Test
    void stopOnFailureRunsNoScenarioAfterTheFirstFailure() throws IOException {
        Path failing = scenario("a-failing", """
                "ingressStores": [{"path": "s3://%s/ingress/", "objectCount": 1}],
                "watchedStores": [{"path": "s3://%s/copy-a/", "objectCount": 5}]""".formatted(BUCKET, BUCKET));
        Path passing = scenario("b-passing", """
                "ingressStores": [{"path": "s3://%s/ingress/"}],
                "watchedStores": [{"path": "s3://%s/copy-a/"}]""".formatted(BUCKET, BUCKET));

        List<ScenarioResult> stopped = runner(new ScenarioOptions(Map.of(), false, false, false, true))
                .runAll(List.of(failing, passing));
        List<ScenarioResult> all = runner(ScenarioOptions.defaults()).runAll(List.of(failing, passing));

        assertThat(stopped).extracting(ScenarioResult::result).containsExactly("failed", "skipped");
        assertThat(stopped.get(1).detail()).contains("--stop-on-failure");
        assertThat(all).extracting(ScenarioResult::result).containsExactly("failed", "passed");
    }

    @Test
    void aDryRunChecksAndPlansButWritesNothing() throws IOException {
        Path file = scenario("dry", """
                "ingressStores": [{"path": "s3://%s/ingress/", "uploadDelaySec": 60}],
                "watchedStores": [{"path": "s3://%s/copy-a/"}]""".formatted(BUCKET, BUCKET));

        ScenarioResult result = runner(new ScenarioOptions(Map.of(), true, false, false, false)).run(file);

        assertThat(result.result()).isEqualTo("planned");
        assertThat(result.detail()).contains("would write 3 objects 60 s apart to s3://" + BUCKET
                + "/ingress/ (first data-0001-0.txt)").contains("would expect 3 objects under s3://" + BUCKET
                + "/copy-a/");
        assertThat(dir.resolve("local")).doesNotExist();
    }

    @Test
    void verifyOnlyValidatesTheProjectFilesAndRunsNothing() throws IOException {
        Path good = scenario("good", """
                "watchedStores": [{"path": "s3://%s/copy-a/"}]""".formatted(BUCKET));
        Path folder = Files.createDirectories(dir.resolve("scenarios").resolve("broken"));
        Files.writeString(folder.resolve("project.json"), "{\"project\": {\"name\": \"Broken\"}}");
        Path broken = folder.resolve("scenario.json");
        Files.writeString(broken, """
                {"projectFiles": ["project.json"], "watchedStores": [{"path": "s3://%s/copy-a/"}]}
                """.formatted(BUCKET));
        ScenarioRunner runner = runner(new ScenarioOptions(Map.of(), false, true, false, false));

        ScenarioResult goodResult = runner.run(good);
        ScenarioResult brokenResult = runner.run(broken);

        assertThat(goodResult.result()).isEqualTo("verified");
        assertThat(brokenResult.result()).isEqualTo("failed");
        assertThat(brokenResult.detail()).contains("project.json");
        assertThat(dir.resolve("local")).doesNotExist();
    }

    @Test
    void aPassedScenariosLocalRootIsDestroyedUnlessDestroyIsDisabled() throws IOException {
        String body = """
                "ingressStores": [{"path": "s3://%s/ingress/"}],
                "watchedStores": [{"path": "s3://%s/copy-a/"}]""".formatted(BUCKET, BUCKET);
        Path destroyed = scenario("destroyed", body);
        Path kept = scenario("kept", body);

        ScenarioResult destroyedResult = runner(ScenarioOptions.defaults()).run(destroyed);
        ScenarioResult keptResult = runner(keep()).run(kept);

        assertThat(destroyedResult.result()).isEqualTo("passed");
        assertThat(dir.resolve("local").resolve("destroyed")).doesNotExist();
        assertThat(keptResult.result()).isEqualTo("passed");
        assertThat(keptResult.detail()).contains("local root kept");
        assertThat(bucketDir("kept", "copy-a")).isDirectory();
    }
}

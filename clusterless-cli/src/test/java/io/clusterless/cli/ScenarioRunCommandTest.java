package io.clusterless.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cls scenario run}, black box: exit code = number of failed scenarios. */
class ScenarioRunCommandTest {
    @TempDir
    Path root;

    @Test
    void theExampleScenariosAllPassOnTheLocalSubstrate() {
        Cls.Result result = Cls.run("scenario", "run", Examples.file("scenarios").toString(), "--local-root",
                root.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("s3-copy-chain").contains("glue-clicks").contains("s3-simple")
                .doesNotContain("failed");
    }

    @Test
    void eachScenarioShortOfItsWatchedCountAddsOneToTheExitCode() throws Exception {
        Path scenarios = root.resolve("scenarios");
        for (String name : new String[]{"short-a", "short-b", "disabled"}) {
            Path dir = Files.createDirectories(scenarios.resolve(name));
            Files.writeString(dir.resolve("scenario.json"), """
                    {"enabled": %s, "name": "%s",
                     "projectFiles": ["%s"],
                     "ingressStores": [{"path": "s3://dev-cls-copy-chain-123456789012-us-west-2/ingress/",
                       "uploadDelaySec": 10, "objectCount": 2, "objectName": "d-%%04d-%%d.txt", "record": {"value": "%%d"}}],
                     "watchedStores": [{"watchType": "s3", "path": "s3://dev-cls-copy-chain-123456789012-us-west-2/copy-c/",
                       "objectCount": 5}]}
                    """.formatted(!name.equals("disabled"), name,
                    Examples.file("copy-chain/project.json").toAbsolutePath().toString().replace("\\", "/")));
        }

        Cls.Result result = Cls.run("scenario", "run", scenarios.toString(), "--local-root", root.resolve("run").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).contains("holds 2 of the 5 expected").contains("skipped");
    }

    @Test
    void storesWithoutObjectNameCountOrRecordRunWithTheOriginalsDefaults() throws Exception {
        Path dir = Files.createDirectories(root.resolve("scenarios/defaults"));
        Files.writeString(dir.resolve("scenario.json"), """
                {"name": "defaults", "projectFiles": ["%s"],
                 "ingressStores": [{"path": "s3://dev-cls-copy-chain-123456789012-us-west-2/ingress/"}],
                 "watchedStores": [{"path": "s3://dev-cls-copy-chain-123456789012-us-west-2/copy-c/"}]}
                """.formatted(Examples.file("copy-chain/project.json").toAbsolutePath().toString().replace("\\", "/")));

        Cls.Result result = Cls.run("scenario", "run", dir.toString(), "--local-root", root.resolve("run").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("copy-c/ 3/3");
    }

    @Test
    void aWatchedStoreWithoutACountOverAPrefixNothingReachesFails() throws Exception {
        Path dir = Files.createDirectories(root.resolve("scenarios/vacuous"));
        Files.writeString(dir.resolve("scenario.json"), """
                {"name": "vacuous", "projectFiles": ["%s"],
                 "ingressStores": [{"path": "s3://dev-cls-copy-chain-123456789012-us-west-2/ingress/",
                   "objectCount": 2, "objectName": "d-%%04d-%%d.txt", "record": {"value": "%%d"}}],
                 "watchedStores": [{"path": "s3://dev-cls-copy-chain-123456789012-us-west-2/never-written/"}]}
                """.formatted(Examples.file("copy-chain/project.json").toAbsolutePath().toString().replace("\\", "/")));

        Cls.Result result = Cls.run("scenario", "run", dir.toString(), "--local-root", root.resolve("run").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("never-written/ holds 0 of the 3 expected");
    }
}

package io.clusterless.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project synth or local run would refuse (or that would take local run outside its root) is refused by
 * {@code validate} first, and {@code local run} and {@code synth} refuse it with the same located line before they
 * place or synthesize anything.
 */
class HostileProjectCommandsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "\"name\": \"copyA\"|\"name\": \"copy;$(id)\"|arcs[0].name: arc name \"copy;$(id)\" must start",
            "\"name\": \"copyB\"|\"name\": \"cöpy\"|arcs[1].name: arc name \"c\\u00f6py\" must start",
            "\"name\": \"chain-a\"|\"name\": \"../chain-a\"|arcs[0].sinks.main.name: dataset name \"../chain-a\"",
            "copy-chain-123456789012-us-west-2/copy-c/|copy-chain-123456789012-us-west-2/../../../outside/"
                    + "|arcs[2].sinks.main.pathURI: \"s3://dev-cls-copy-chain-123456789012-us-west-2/../../../outside/\" "
                    + "has an empty, \".\" or \"..\" segment"})
    void validateRefusesFirst_andLocalRunAndSynthRefuseWithTheSameLine(String from, String to, String expected)
            throws IOException {
        String text = Files.readString(Examples.file("copy-chain/project.json"));
        assertThat(text).contains(from);
        Path project = tmp.resolve("project.json");
        Files.writeString(project, text.replace(from, to));

        Cls.Result validate = Cls.run("validate", "-p", project.toString());
        Cls.Result local = Cls.run("local", "run", "-p", project.toString(), "--local-root",
                tmp.resolve("root").toString(), "--until-idle");
        Cls.Result synth = Cls.run("synth", "-p", project.toString(), "-o", tmp.resolve("cdk.out").toString());

        assertThat(validate.exitCode()).as("%s", validate).isEqualTo(1);
        assertThat(validate.errLines()).as("%s", validate)
                .anyMatch(line -> line.startsWith(project + ":") && line.contains(": " + expected));
        for (Cls.Result refused : java.util.List.of(local, synth)) {
            assertThat(refused.exitCode()).as("%s", refused).isEqualTo(1);
            assertThat(refused.err()).as("%s", refused).contains(expected).doesNotContain("\tat ");
        }
        assertThat(tmp.resolve("root/buckets")).as("local run placed nothing").doesNotExist();
        assertThat(tmp.resolve("outside")).doesNotExist();
    }
}

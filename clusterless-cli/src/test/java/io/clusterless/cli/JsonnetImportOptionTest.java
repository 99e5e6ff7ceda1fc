package io.clusterless.cli;

import io.clusterless.cli.context.CliContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Jsonnet imports read only the project file's folder and --jpath folders, on every command that loads files. */
class JsonnetImportOptionTest {
    private static final String PROJECT = """
            local placement = import 'placement.libsonnet';
            {
              project: { name: 'Shared', version: '20230101-00' },
              placement: placement,
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void validate_refusesImportstrOfTheEnvironment_withoutEchoingIt() throws IOException {
        Path project = write("app/project.jsonnet", """
                {
                  project: { name: importstr '/proc/self/environ', version: '1' },
                  placement: { provider: 'aws', stage: 'dev', account: '123456789012', region: 'us-west-2' },
                }
                """);

        Cls.Result result = Cls.run("validate", "-p", project.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.errLines()).as("%s", result).containsExactly(
                project + ":2:20: import \"/proc/self/environ\" is outside the project folder (" + project.getParent()
                        + ") and every --jpath folder; add --jpath DIR to allow it",
                "1 problem in 1 file");
        assertThat(result.err()).doesNotContain(System.getenv("PATH"));
    }

    @Test
    void validate_withJpath_readsTheSharedFolder_andWithoutIt_refusesTheRelativePath() throws IOException {
        write("shared/placement.libsonnet",
                "{ provider: 'aws', stage: 'dev', account: '123456789012', region: 'us-west-2' }\n");
        Path project = write("app/project.jsonnet", PROJECT);
        Path relative = write("app/relative.jsonnet", PROJECT.replace("'placement.libsonnet'",
                "'../shared/placement.libsonnet'"));

        Cls.Result shared = Cls.run("validate", "-p", project.toString(), "--jpath", tmp.resolve("shared").toString());
        Cls.Result refused = Cls.run("validate", "-p", relative.toString());

        assertThat(shared.exitCode()).as("%s", shared).isEqualTo(0);
        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(1);
        assertThat(refused.errLines().get(0)).as("%s", refused).startsWith(relative + ":1:19: import "
                + "\"../shared/placement.libsonnet\" is outside the project folder");
    }

    @Test
    void everyCommandThatTakesExtStr_takesJpathToo() {
        CommandLine root = CommandTree.commandLine(new ClsCommand(new CliContext(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), InputStream.nullInputStream())));
        List<String> withExtStr = new ArrayList<>();
        List<String> missingJpath = new ArrayList<>();
        collect(root, withExtStr, missingJpath);

        assertThat(withExtStr).as("commands loading Jsonnet").contains("cls validate", "cls synth",
                "cls local run");
        assertThat(missingJpath).as("commands with --ext-str but no --jpath").isEmpty();
    }

    private static void collect(CommandLine command, List<String> withExtStr, List<String> missingJpath) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        if (spec.findOption("--ext-str") != null) {
            withExtStr.add(spec.qualifiedName());
            if (spec.findOption("--jpath") == null) {
                missingJpath.add(spec.qualifiedName());
            }
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, withExtStr, missingJpath));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}

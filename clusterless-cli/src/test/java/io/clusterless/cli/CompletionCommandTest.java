package io.clusterless.cli;

import io.clusterless.cli.context.CliContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code cls completion}: shell completion generated from the command tree. */
class CompletionCommandTest {
    @Test
    void bash_isTheDefault_andRegistersACompletionFunction() {
        Cls.Result result = Cls.run("completion");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_cls")
                .contains("local commands=\"" + String.join(" ", topLevelCommands()) + "\"");
        assertThat(Cls.run("completion", "bash").out()).isEqualTo(result.out());
    }

    @Test
    void bash_completesSubcommandsAndTheirOptions() {
        String script = Cls.run("completion", "bash").out();

        assertThat(script).contains("_picocli_cls_validate").contains("_picocli_cls_show_component")
                .contains("_picocli_cls_show_model").contains("--project").contains("--ext-str")
                .contains("--list").contains("--describe-all").contains("--output");
        assertThat(script).as("output formats complete as values").contains("table", "json", "csv", "tsv");
    }

    @Test
    void bash_doesNotDependOnThisInvocationsOptions() {
        assertThat(Cls.run("-v", "--output", "json", "completion").out()).isEqualTo(Cls.run("completion").out());
    }

    @Test
    void bash_isSyntacticallyValid() throws IOException, InterruptedException {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "bash not installed");
        Process check = new ProcessBuilder(bash.toString(), "-n").redirectErrorStream(true).start();
        check.getOutputStream().write(Cls.run("completion").out().getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();

        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(check.exitValue()).isEqualTo(0);
    }

    @Test
    void zsh_loadsBashCompletionSupportFirst() {
        Cls.Result zsh = Cls.run("completion", "zsh");
        String bash = Cls.run("completion", "bash").out();

        assertThat(zsh.exitCode()).as("%s", zsh).isEqualTo(0);
        assertThat(zsh.outLines()).filteredOn(line -> !line.startsWith("#")).startsWith(
                "autoload -U +X compinit && compinit",
                "autoload -U +X bashcompinit && bashcompinit");
        assertThat(zsh.out()).endsWith(bash);
    }

    @Test
    void unknownShell_isAUsageError() {
        Cls.Result result = Cls.run("completion", "fish");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly("error: Invalid value for positional parameter at index 0 "
                        + "(SHELL): expected one of [bash, zsh] (case-insensitive) but was 'fish'",
                "Try 'cls completion --help' for more information.");
    }

    /** Every command of the tree, in declaration order: the script must offer each. */
    private static java.util.List<String> topLevelCommands() {
        CliContext context = new CliContext(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), java.io.InputStream.nullInputStream());
        return java.util.List.copyOf(CommandTree.commandLine(new ClsCommand(context)).getSubcommands().keySet());
    }
}

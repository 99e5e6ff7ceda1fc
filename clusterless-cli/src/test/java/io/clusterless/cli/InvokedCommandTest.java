package io.clusterless.cli;

import io.clusterless.cli.command.SynthCommand;
import io.clusterless.cli.command.ValidateCommand;
import io.clusterless.cli.command.local.LocalCommand;
import io.clusterless.cli.context.CliContext;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cls} builds only the invoked command's branch of the command tree (most of a short command's start-up), and
 * that branch is the same as in the whole tree.
 */
class InvokedCommandTest {
    @Test
    void theCommandAfterTheRootsOptions_isFound() {
        assertThat(invoked("synth", "-p", "x.json")).contains(SynthCommand.class);
        assertThat(invoked("-v", "--output", "json", "-P", "aws", "-D", "k=v", "synth")).contains(SynthCommand.class);
        assertThat(invoked("-vv", "--output=json", "--providers=local", "-Dk=v", "--property=a=b", "-Plocal",
                "local", "run")).contains(LocalCommand.class);
        assertThat(invoked("--verbose", "--property", "k=v", "--providers", "aws", "validate", "help"))
                .contains(ValidateCommand.class);
    }

    @Test
    void theWordInTheCommandsPlace_isFoundWithoutTheCommandTree() {
        assertThat(InvokedCommand.word(new String[]{"-v", "-P", "aws", "validate", "x.json"})).contains("validate");
        assertThat(InvokedCommand.word(new String[]{"nonsense"})).contains("nonsense");
        assertThat(InvokedCommand.word(new String[]{"--help"})).isEmpty();
        assertThat(InvokedCommand.word(new String[]{"help", "synth"})).isEmpty();
        assertThat(InvokedCommand.word(new String[]{"@args.txt"})).isEmpty();
        assertThat(InvokedCommand.word(new String[]{"-P", "local"})).isEmpty();
    }

    @Test
    void anOptionsValue_isNotTakenForACommand() {
        assertThat(invoked("-P", "local")).isEmpty();
        assertThat(invoked("--output", "synth")).isEmpty();
    }

    @Test
    void helpUnknownWordsAndUnknownOptions_needTheWholeTree() {
        assertThat(invoked()).isEmpty();
        assertThat(invoked("help", "synth")).isEmpty();
        assertThat(invoked("completion")).isEmpty();
        assertThat(invoked("--help")).isEmpty();
        assertThat(invoked("-V", "synth")).isEmpty();
        assertThat(invoked("synht")).isEmpty();
        assertThat(invoked("--", "synth")).isEmpty();
        assertThat(invoked("-x", "synth")).isEmpty();
        assertThat(invoked("@args.txt")).isEmpty();
    }

    @Test
    void aNamedCommand_getsATreeOfOnlyItsBranch() {
        CommandLine tree = CommandTree.commandLineFor(root(), "-v", "synth", "-p", "x.json");

        assertThat(tree.getSubcommands()).containsOnlyKeys("synth");
        assertThat(CommandTree.commandLineFor(root(), "help", "synth").getSubcommands().keySet())
                .containsExactlyElementsOf(CommandTree.commandLine(root()).getSubcommands().keySet());
    }

    @Test
    void everyCommandsBranch_isTheSameAsInTheWholeTree() {
        Map<String, CommandLine> whole = CommandTree.commandLine(root()).getSubcommands();
        assertThat(whole).hasSize(ClsCommand.COMMANDS.size());
        for (Map.Entry<String, CommandLine> command : whole.entrySet()) {
            if (command.getKey().equals("help")) {
                continue; // help needs the whole tree and always gets it
            }
            CommandLine branch = CommandTree.commandLineFor(root(), command.getKey()).getSubcommands().get(command.getKey());
            assertThat(branch).as(command.getKey()).isNotNull();
            assertThat(describe(branch)).as(command.getKey()).isEqualTo(describe(command.getValue()));
        }
    }

    /** Every command's usage text, option names, their inheritance and defaults, and its subcommands', in order. */
    private static List<String> describe(CommandLine command) {
        List<String> lines = new ArrayList<>();
        lines.add(command.getCommandSpec().qualifiedName() + "\n" + command.getUsageMessage(CommandLine.Help.Ansi.OFF));
        for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
            lines.add(String.join(",", option.names()) + " inherited=" + option.inherited() + " scope="
                    + option.scopeType() + " default=" + option.defaultValue() + " arity=" + option.arity());
        }
        lines.add("allowSubcommandsAsOptionParameters=" + command.isAllowSubcommandsAsOptionParameters());
        lines.add("version=" + String.join("|", command.getCommandSpec().version()));
        command.getSubcommands().values().forEach(sub -> lines.addAll(describe(sub)));
        return lines;
    }

    private static Optional<Class<?>> invoked(String... args) {
        return InvokedCommand.of(args, ClsCommand.COMMANDS);
    }

    private static ClsCommand root() {
        return new ClsCommand(new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                InputStream.nullInputStream()));
    }
}

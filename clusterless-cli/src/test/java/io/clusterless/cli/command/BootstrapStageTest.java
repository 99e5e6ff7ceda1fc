package io.clusterless.cli.command;

import io.clusterless.cli.ClsCommand;
import io.clusterless.cli.CommandTree;
import io.clusterless.cli.Main;
import io.clusterless.cli.context.CliContext;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bootstrap --stage[=s]} as the original: without a value, the placement has no stage. */
class BootstrapStageTest {
    private static BootstrapCommand parse(String... args) {
        ClsCommand root = new ClsCommand(new CliContext(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), InputStream.nullInputStream()));
        ParseResult parsed = CommandTree.commandLine(root).parseArgs(args);
        return parsed.subcommand().commandSpec().commandLine().getCommand();
    }

    @Test
    void stageWithoutAValueMeansNoStage() {
        assertThat(parse("bootstrap", "--account", "123456789012", "--stage").stage).isNull();
        assertThat(parse("bootstrap", "--stage", "--account", "123456789012").stage).isNull();
        assertThat(parse("bootstrap", "--account", "123456789012", "--stage", "dev").stage).isEqualTo("dev");
        assertThat(parse("bootstrap", "--account", "123456789012", "--stage=dev").stage).isEqualTo("dev");
        assertThat(parse("bootstrap", "--account", "123456789012").stage).isNull();
    }
}

package io.clusterless.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Global behaviour of {@code cls}: help, version, global options and usage errors. */
class CliTest {
    private static final String VERSION_LINE = "cls \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?";

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void version_printsTheBuildVersionAndTheJava(String option) {
        Cls.Result result = Cls.run(option);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.outLines()).hasSize(2);
        assertThat(result.outLines().get(0)).matches(VERSION_LINE).isEqualTo("cls " + VersionProvider.version());
        assertThat(result.outLines().get(1)).startsWith("Java " + System.getProperty("java.version") + " (");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void version_isTheSameOnEveryCommand() {
        String version = Cls.run("--version").out();

        for (List<String> args : List.of(List.of("validate", "--version"), List.of("show", "--version"),
                List.of("show", "component", "-V"), List.of("schema", "-V"), List.of("completion", "-V"))) {
            Cls.Result result = Cls.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
            assertThat(result.out()).as("%s", result).isEqualTo(version);
        }
    }

    @Test
    void help_listsEveryCommandAndTheExitCodes() {
        Cls.Result result = Cls.run("--help");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("clusterless: ").contains("Usage: cls ");
        for (String command : List.of("validate", "show", "schema", "completion", "help")) {
            assertThat(result.out()).containsPattern("(?m)^  " + command + "\\s");
        }
        for (String option : List.of("--output=FORMAT", "-D, --property=KEY=VALUE", "-v, --verbose", "-h, --help",
                "-V, --version")) {
            assertThat(result.out()).contains(option);
        }
        assertThat(result.out()).contains("Exit codes: 0 success, 1 failure");
    }

    @Test
    void noCommand_printsTheSameUsageAsHelp() {
        Cls.Result result = Cls.run();

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.out()).isEqualTo(Cls.run("--help").out());
    }

    @Test
    void helpCommand_printsTheUsageOfACommand() {
        Cls.Result result = Cls.run("help", "validate");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.out()).isEqualTo(Cls.run("validate", "--help").out()).startsWith("Usage: cls validate");
    }

    @Test
    void unknownCommand_isAUsageError() {
        Cls.Result result = Cls.run("frob");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).first().isEqualTo("error: Unmatched argument at index 0: 'frob'");
        assertThat(result.errLines()).last().isEqualTo("Try 'cls --help' for more information.");
    }

    @Test
    void misspelledCommand_suggestsTheRightOne() {
        Cls.Result result = Cls.run("validat");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.err()).contains("validate");
    }

    @Test
    void unknownGlobalOption_isAUsageError() {
        Cls.Result result = Cls.run("--frobnicate", "validate", "-p", "x.json");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.errLines()).first().isEqualTo("error: Unknown option: '--frobnicate'");
    }

    @Test
    void unknownOutputFormat_isAUsageError() {
        Cls.Result result = Cls.run("--output", "xml", "schema");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly("error: Invalid value for option '--output': expected one of "
                        + "[table, json, csv, tsv] (case-insensitive) but was 'xml'",
                "Try 'cls --help' for more information.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "JSON", "Json"})
    void outputFormat_isCaseInsensitive(String format) {
        Cls.Result result = Cls.run("--output", format, "show", "arc", "--list");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        assertThat(result.out()).startsWith("[");
    }

    @Test
    void globalOptions_mayFollowTheCommand() {
        Cls.Result before = Cls.run("--output", "json", "show", "arc", "--list");
        Cls.Result after = Cls.run("show", "arc", "--list", "--output", "json");

        assertThat(after.exitCode()).as("%s", after).isEqualTo(0);
        assertThat(after.out()).isEqualTo(before.out());
    }

    @Test
    void property_acceptsKeyValuePairs() {
        Cls.Result result = Cls.run("-D", "common.resource.removeAllOnDestroy=true", "--property", "a=b", "show",
                "arc", "--list");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
    }

    @Test
    void property_withoutAValue_isAUsageError() {
        Cls.Result result = Cls.run("-D", "novalue", "show", "arc", "--list");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.errLines()).first().asString().startsWith("error: ").contains("KEY=VALUE").contains("novalue");
    }

    @Test
    void verbose_mayBeRepeated() {
        Cls.Result result = Cls.run("-vv", "show", "arc", "--list", "-v");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(0);
        // the arc types, one a line
        assertThat(result.outLines()).hasSize(io.clusterless.model.component.ComponentRegistry.defaultRegistry()
                .ofKind(io.clusterless.model.component.ComponentKind.ARC).size());
    }

    @Test
    void usageErrors_neverPrintAStackTrace_evenWithVerbose() {
        Cls.Result result = Cls.run("-v", "validate", "--bogus");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
    }
}

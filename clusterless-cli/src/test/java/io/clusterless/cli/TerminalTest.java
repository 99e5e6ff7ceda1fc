package io.clusterless.cli;

import io.clusterless.cli.context.Terminal;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTest {
    @Test
    void noConsole_isNoTerminal() {
        assertThat(Terminal.interactive(null)).isFalse();
    }

    @Test
    void colour_onlyOnATerminal_andNeverWithNoColorOrADumbTerminal() {
        assertThat(Terminal.colour(true, Map.of())).isTrue();
        assertThat(Terminal.colour(false, Map.of())).isFalse();
        assertThat(Terminal.colour(true, Map.of("NO_COLOR", "1"))).isFalse();
        // https://no-color.org: an empty NO_COLOR does not count
        assertThat(Terminal.colour(true, Map.of("NO_COLOR", ""))).isTrue();
        assertThat(Terminal.colour(true, Map.of("TERM", "dumb"))).isFalse();
    }

    @Test
    void cdkCalls_withoutATerminal_askCdkForNoColour() {
        Cls.Result result = Cls.run("diff", Examples.file("copy-chain/project.json").toString(), "--dry-run");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.err()).contains(" --no-color");
    }
}

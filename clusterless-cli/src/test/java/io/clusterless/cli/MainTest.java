package io.clusterless.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code Main.main} sets up for the process before the command tree. */
class MainTest {
    @Test
    void theClassPathIsOpenedAhead_forValidateOnly() {
        assertThat(Main.warmsUpClassPath("validate", "-p", "p.json")).isTrue();
        assertThat(Main.warmsUpClassPath("-v", "--output", "json", "-D", "k=v", "validate", "p.json")).isTrue();
        assertThat(Main.warmsUpClassPath("synth", "-p", "validate")).isFalse();
        assertThat(Main.warmsUpClassPath("-D", "validate", "synth")).isFalse();
        assertThat(Main.warmsUpClassPath("help", "validate")).isFalse();
        assertThat(Main.warmsUpClassPath("--version")).isFalse();
        assertThat(Main.warmsUpClassPath()).isFalse();
    }

    @Test
    void picocliSkipsGroovysClosureClass_unlessTheCallerSaidOtherwise() {
        String before = System.getProperty(Main.NO_GROOVY_CLOSURES);
        try {
            System.clearProperty(Main.NO_GROOVY_CLOSURES);
            Main.withoutGroovyClosures();
            assertThat(System.getProperty(Main.NO_GROOVY_CLOSURES)).isEqualTo("true");
            System.setProperty(Main.NO_GROOVY_CLOSURES, "false");
            Main.withoutGroovyClosures();
            assertThat(System.getProperty(Main.NO_GROOVY_CLOSURES)).isEqualTo("false");
        } finally {
            if (before == null) {
                System.clearProperty(Main.NO_GROOVY_CLOSURES);
            } else {
                System.setProperty(Main.NO_GROOVY_CLOSURES, before);
            }
        }
    }
}

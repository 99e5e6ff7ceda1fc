package io.clusterless.runtime.listener;

import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerSwitchesTest {
    private static final Instant T0 = Instant.parse("2023-01-01T00:00:00Z");
    private static S3ProxyServer server;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket("metadata");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static ListenerSwitches at(Instant now) {
        return new ListenerSwitches(server.store(), "metadata", Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void listenersAreEnabledUntilAChangeSaysOtherwise_andTheLastChangeWins() {
        assertThat(at(T0).enabled("p", "1", "copyA")).isTrue();

        at(T0.plusSeconds(60)).record("p", "1", "copyA", false, "bad upstream data");
        assertThat(at(T0.plusSeconds(61)).enabled("p", "1", "copyA")).isFalse();
        // another version of the project, and another arc, are separate listeners
        assertThat(at(T0.plusSeconds(61)).enabled("p", "2", "copyA")).isTrue();
        assertThat(at(T0.plusSeconds(61)).enabled("p", "1", "copyB")).isTrue();

        at(T0.plusSeconds(120)).record("p", "1", "copyA", true, null);
        assertThat(at(T0.plusSeconds(121)).enabled("p", "1", "copyA")).isTrue();
    }

    @Test
    void history_answersWhetherAnArcWasDisabledAtAMoment() {
        at(T0.plusSeconds(600)).record("q", "1", "copy", false, null);
        at(T0.plusSeconds(1200)).record("q", "1", "copy", true, null);
        ListenerSwitches switches = at(T0.plusSeconds(2000));

        assertThat(switches.disabledAt("q/1", "copy", T0.plusSeconds(599))).isFalse();
        assertThat(switches.disabledAt("q/1", "copy", T0.plusSeconds(600))).isTrue();
        assertThat(switches.disabledAt("q/1", "copy", T0.plusSeconds(1199))).isTrue();
        assertThat(switches.disabledAt("q/1", "copy", T0.plusSeconds(1200))).isFalse();
        assertThat(switches.history("q", "1", "copy")).extracting(ListenerChange::enabled).containsExactly(false, true);
    }
}

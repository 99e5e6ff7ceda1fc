package io.clusterless.engine.listener;

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

    @Test
    void disabled_namesTheListenersOfOneProjectVersionWhoseLastChangeDisabledThem() {
        assertThat(at(T0).disabled("r", "1")).isEmpty();

        at(T0.plusSeconds(10)).record("r", "1", "copy", false, null);
        at(T0.plusSeconds(20)).record("r", "1", "copyB", false, null);
        at(T0.plusSeconds(30)).record("r", "1", "copyB", true, null);
        at(T0.plusSeconds(40)).record("r", "1", "ingress", true, null);
        at(T0.plusSeconds(50)).record("r", "1", "ingress", false, "paused");
        at(T0.plusSeconds(60)).record("r", "2", "copyB", false, null);
        at(T0.plusSeconds(70)).record("rr", "1", "copyB", false, null);

        // copyB was enabled again; "copy" is not a prefix of "copyB"; other versions and projects are separate
        assertThat(at(T0.plusSeconds(80)).disabled("r", "1")).containsExactly("copy", "ingress");
        assertThat(at(T0.plusSeconds(80)).disabled("r", "2")).containsExactly("copyB");
        assertThat(at(T0.plusSeconds(80)).disabled("r", "3")).isEmpty();
    }

    @Test
    void disabled_skipsAnUnreadableNewestRecordForTheOneBeforeIt() {
        at(T0.plusSeconds(10)).record("s", "1", "copy", false, null);
        server.store().put("metadata", "listeners/project=s/version=1/component=copy/at=20230101T000100.000Z.json",
                "not json".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");

        assertThat(at(T0.plusSeconds(120)).disabled("s", "1")).containsExactly("copy");
    }
}

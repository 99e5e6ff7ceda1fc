package io.clusterless.engine.activity;

import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Which interval a scheduled export covers and what its task is called (reference §5.8). */
class ExportWindowTest {
    @Test
    void window_isTheWholeIntervalBeforeTheOneTheEventFallsIn() {
        ExportWindow window = ExportWindow.before(LotUnit.TWELFTHS, Instant.parse("2023-02-06T23:52:10Z"));

        assertThat(window.from()).isEqualTo(Instant.parse("2023-02-06T23:45:00Z"));
        assertThat(window.to()).isEqualTo(Instant.parse("2023-02-06T23:49:59.999Z"));
        assertThat(window.taskName()).isEqualTo("export-20230206PT5M285");
    }

    @Test
    void eventExactlyOnTheCutoff_exportsThePreviousInterval() {
        ExportWindow window = ExportWindow.before(LotUnit.FOURTHS, Instant.parse("2023-02-06T12:00:00Z"));

        assertThat(window.from()).isEqualTo(Instant.parse("2023-02-06T11:45:00Z"));
        assertThat(window.to()).isEqualTo(Instant.parse("2023-02-06T11:59:59.999Z"));
        assertThat(window.taskName()).isEqualTo("export-20230206PT15M047");
    }

    @Test
    void firstRunOfTheDay_exportsTheLastIntervalOfYesterday() {
        ExportWindow window = ExportWindow.before(LotUnit.SIXTHS, Instant.parse("2023-03-01T00:03:00Z"));

        assertThat(window.taskName()).isEqualTo("export-20230228PT10M143");
        assertThat(window.from()).isEqualTo(Instant.parse("2023-02-28T23:50:00Z"));
    }
}

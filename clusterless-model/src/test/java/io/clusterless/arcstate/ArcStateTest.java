package io.clusterless.arcstate;

import io.clusterless.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.clusterless.arcstate.ArcState.complete;
import static io.clusterless.arcstate.ArcState.missing;
import static io.clusterless.arcstate.ArcState.partial;
import static io.clusterless.arcstate.ArcState.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArcStateTest {
    @ParameterizedTest
    @ValueSource(strings = {"running", "RUNNING", "Running", "running.arc", "RUNNING.ARC", "state=running",
            "s3://b/arcs/project=p/version=1/arc=a/lot=20230101PT5M000/running.arc", " running "})
    void parseAcceptsEveryWrittenForm(String text) {
        assertThat(ArcState.parse(text)).isEqualTo(running);
    }

    @Test
    void parseReadsOnlyTheLastKeySegment() {
        // Guards the original's bug: the state was found by substring, so an arc named running-x always read as running.
        String key = "arcs/project=running/version=1/arc=running-x/lot=20230101PT5M000/complete.arc";

        assertThat(ArcState.parse(key)).isEqualTo(complete);
    }

    @Test
    void parseRejectsAnArcNameContainingAStateWord() {
        assertThatThrownBy(() -> ArcState.parse("running-x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown arc state: running-x, expected one of running, complete, partial, missing");
        assertThatThrownBy(() -> ArcState.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "running, complete, true",
            "running, partial, true",
            "running, missing, true",
            "running, running, false",
            "partial, running, true",
            "partial, missing, true",
            "partial, complete, false",
            "partial, partial, false",
            "missing, running, true",
            "missing, complete, false",
            "missing, partial, false",
            "missing, missing, false",
            "complete, running, false",
            "complete, partial, false",
            "complete, missing, false",
            "complete, complete, false",
    })
    void transitionsFollowTheArcStateTable(ArcState from, ArcState to, boolean allowed) {
        assertThat(from.canTransitionTo(to)).isEqualTo(allowed);
    }

    @Test
    void noStateIsNeverATransitionTarget() {
        assertThat(running.canTransitionTo(null)).isFalse();
    }

    @Test
    void aLotCanStartWhenItHasNoStateOrIsRetryable() {
        assertThat(ArcState.canStart(null)).isTrue();
        assertThat(ArcState.canStart(partial)).isTrue();
        assertThat(ArcState.canStart(missing)).isTrue();
        assertThat(ArcState.canStart(running)).as("blocks concurrent runs").isFalse();
        assertThat(ArcState.canStart(complete)).as("blocks duplicate runs").isFalse();
    }

    @Test
    void fileNameIsTheStateObjectName() {
        assertThat(partial.fileName()).isEqualTo("partial.arc");
    }

    @Test
    void serialisesToJsonInLowerCase() throws Exception {
        assertThat(Json.records().writeValueAsString(missing)).isEqualTo("\"missing\"");
        assertThat(Json.records().readValue("\"running\"", ArcState.class)).isEqualTo(running);
    }
}

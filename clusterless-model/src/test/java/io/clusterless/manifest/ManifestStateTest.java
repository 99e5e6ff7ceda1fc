package io.clusterless.manifest;

import io.clusterless.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestStateTest {
    @Test
    void onlyPartialAndRemovedManifestsAreWrittenPerAttempt() {
        assertThat(ManifestState.partial.hasAttempt()).isTrue();
        assertThat(ManifestState.removed.hasAttempt()).isTrue();
        assertThat(ManifestState.complete.hasAttempt()).isFalse();
        assertThat(ManifestState.empty.hasAttempt()).isFalse();
    }

    @Test
    void serialisesToJsonInLowerCase() throws Exception {
        assertThat(Json.records().writeValueAsString(ManifestState.complete)).isEqualTo("\"complete\"");
        assertThat(Json.records().readValue("\"empty\"", ManifestState.class)).isEqualTo(ManifestState.empty);
    }

    @Test
    void parseAcceptsTheKeySegmentForm() {
        assertThat(ManifestState.parse("state=partial")).isEqualTo(ManifestState.partial);
        assertThat(ManifestState.parse("COMPLETE")).isEqualTo(ManifestState.complete);
    }

    @Test
    void parseRejectsAnUnknownStateNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> ManifestState.parse("done"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown manifest state: done, expected one of complete, partial, empty, removed");
    }
}

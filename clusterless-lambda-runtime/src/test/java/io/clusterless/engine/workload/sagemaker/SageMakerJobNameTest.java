package io.clusterless.engine.workload.sagemaker;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A job name is one per arc, lot and run: a retried step asks for the same job, a new run gets a new one. */
class SageMakerJobNameTest {
    /** SageMaker's pattern for processing and training job names. */
    private static final Pattern SAGEMAKER = Pattern.compile("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$");

    @Test
    void theSameRunOfALotAlwaysGetsTheSameName() {
        String first = SageMakerJobName.of("Stats", "1", "perLotStats", "20230227PT5M287", "attempt-a");
        assertThat(SageMakerJobName.of("Stats", "1", "perLotStats", "20230227PT5M287", "attempt-a")).isEqualTo(first);
        assertThat(first).startsWith("perlotstats-").matches(SAGEMAKER).hasSize(SageMakerJobName.MAX_LENGTH);
    }

    @Test
    void everyArcLotAndRunGetsItsOwnName() {
        Set<String> names = new HashSet<>();
        for (String arc : new String[]{"stats", "stats2", "a-very-long-arc-name-that-will-be-shortened",
                "a-very-long-arc-name-that-will-be-shortened-too"}) {
            for (int lot = 0; lot < 50; lot++) {
                for (int attempt = 0; attempt < 20; attempt++) {
                    String name = SageMakerJobName.of("Stats", "1", arc, "2023022" + lot, "attempt-" + attempt);
                    assertThat(name).matches(SAGEMAKER).hasSizeLessThanOrEqualTo(SageMakerJobName.MAX_LENGTH)
                            .startsWith(SageMakerJobName.arcPrefix("Stats", "1", arc) + "-");
                    names.add(name);
                }
            }
        }
        assertThat(names).hasSize(4 * 50 * 20);
        // two arcs whose names shorten alike keep their own prefixes (the IAM policy's scope)
        assertThat(SageMakerJobName.arcPrefix("Stats", "1", "a-very-long-arc-name-that-will-be-shortened"))
                .isNotEqualTo(SageMakerJobName.arcPrefix("Stats", "1", "a-very-long-arc-name-that-will-be-shortened-too"));
        assertThat(SageMakerJobName.arcPrefix("Stats", "1", "stats"))
                .isNotEqualTo(SageMakerJobName.arcPrefix("Stats", "2", "stats"));
    }

    @Test
    void anArcNameOfSymbolsStillMakesAValidName() {
        assertThat(SageMakerJobName.of("P", "1", "__--..", "lot", "a")).startsWith("arc-").matches(SAGEMAKER);
        assertThat(SageMakerJobName.of("P", "1", "Über_Stats", "lot", "a")).startsWith("ber-stats-").matches(SAGEMAKER);
    }

    @Test
    void aNameNeedsTheRunsToken() {
        assertThatThrownBy(() -> SageMakerJobName.of("P", "1", "a", "lot", null))
                .hasMessageContaining("$.arcAttempt");
    }
}

package io.clusterless.local.workload.athena;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lots that run at once share the cores: each lot's DuckDB database gets its share, at least one thread. */
class DuckDbThreadsTest {
    @Test
    void eachDatabaseGetsItsShareOfTheCores() {
        assertThat(LocalAthenaWorkload.threads(2, 2)).isEqualTo(1);
        assertThat(LocalAthenaWorkload.threads(8, 2)).isEqualTo(4);
        assertThat(LocalAthenaWorkload.threads(2, 1)).isEqualTo(2);
        assertThat(LocalAthenaWorkload.threads(2, 8)).isEqualTo(1);
        assertThat(LocalAthenaWorkload.threads(4, 0)).isEqualTo(4);
    }
}

package io.clusterless.engine.plan;

import io.clusterless.lot.LotUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The EventBridge schedule that fires at the start of every lot of a unit (frequent boundaries, activities). */
class EventPatternsCronTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "TWELFTHS | cron(0/5 * * * ? *)",
            "SIXTHS   | cron(0/10 * * * ? *)",
            "FOURTHS  | cron(0/15 * * * ? *)",
            "HOURS    | cron(0 * * * ? *)",
            "DAYS     | cron(0 0 * * ? *)",
    })
    void everyUnitHasAScheduleAtTheStartOfItsLots(LotUnit unit, String cron) {
        assertThat(EventPatterns.cron(unit)).isEqualTo(cron);
    }
}

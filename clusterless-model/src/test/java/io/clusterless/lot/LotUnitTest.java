package io.clusterless.lot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LotUnitTest {
    @ParameterizedTest(name = "{0}: {1} min, {2}, {3} per day, {4}")
    @CsvSource({
            "FOURTHS, 15, PT15M, 96, Fourths",
            "SIXTHS, 10, PT10M, 144, Sixths",
            "TWELFTHS, 5, PT5M, 288, Twelfths",
    })
    void eachUnitDividesTheDayEvenly(LotUnit unit, int minutes, String duration, int perDay, String displayName) {
        assertThat(unit.minutes()).isEqualTo(minutes);
        assertThat(unit.duration()).isEqualTo(Duration.ofMinutes(minutes)).hasToString(duration);
        assertThat(unit.isoDuration()).isEqualTo(duration);
        assertThat(unit.perDay()).isEqualTo(perDay);
        assertThat(unit.displayName()).isEqualTo(displayName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fourths", "fourths", "FOURTHS", " Fourths "})
    void parseIgnoresCase(String text) {
        assertThat(LotUnit.parse(text)).isEqualTo(LotUnit.FOURTHS);
    }

    @Test
    void parseRejectsAnUnknownUnitNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> LotUnit.parse("Hourly"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported lot unit: Hourly, expected one of Fourths, Sixths, Twelfths, Hours, Days");
        assertThatThrownBy(() -> LotUnit.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported lot unit: null, expected one of Fourths, Sixths, Twelfths, Hours, Days");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "20230206PT15M095, FOURTHS",
            "20230206PT10M143, SIXTHS",
            "20230206PT5M286, TWELFTHS",
            "arcs/project=p/version=1/arc=a/lot=20230206PT5M000/running.arc, TWELFTHS",
            "datasets/name=d/version=1/lot=20230206PT15M001/, FOURTHS",
            "20230206PT1H023, HOURS",
            "datasets/name=d/version=1/lot=20230206PT24H000/, DAYS",
    })
    void ofLotIdFindsTheUnitFromTheDurationInsideAnIdOrKey(String text, LotUnit unit) {
        assertThat(LotUnit.ofLotId(text)).isEqualTo(unit);
    }

    @Test
    void ofLotIdRejectsTextWithoutALotIdOfASupportedUnit() {
        assertThatThrownBy(() -> LotUnit.ofLotId("20230206PT30M001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no lot id of a supported unit found in: 20230206PT30M001")
                .hasMessageContaining("PT15M, PT10M, PT5M, PT1H, PT24H");
        assertThatThrownBy(() -> LotUnit.ofLotId(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRollUpUnitIsDividedByTheFinerUnitsItCovers() {
        assertThat(LotUnit.TWELFTHS.divides(LotUnit.HOURS)).isTrue();
        assertThat(LotUnit.FOURTHS.divides(LotUnit.DAYS)).isTrue();
        assertThat(LotUnit.HOURS.divides(LotUnit.HOURS)).isTrue();
        assertThat(LotUnit.HOURS.divides(LotUnit.FOURTHS)).isFalse();
        assertThat(LotUnit.FOURTHS.divides(LotUnit.SIXTHS)).isFalse();
    }
}

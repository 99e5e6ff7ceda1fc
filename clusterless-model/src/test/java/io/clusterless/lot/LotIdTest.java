package io.clusterless.lot;

import io.clusterless.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LotIdTest {
    private static final Instant LATE = Instant.parse("2023-02-06T23:52:00Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "FOURTHS, 20230206PT15M095",
            "SIXTHS, 20230206PT10M143",
            "TWELFTHS, 20230206PT5M286",
            "HOURS, 20230206PT1H023",
            "DAYS, 20230206PT24H000",
    })
    void ofTruncatesAnInstantToItsInterval(LotUnit unit, String expected) {
        assertThat(LotId.of(unit, LATE).format()).isEqualTo(expected);
    }

    @Test
    void ofPutsTheFirstInstantOfAnIntervalInThatInterval() {
        assertThat(LotId.of(LotUnit.TWELFTHS, Instant.parse("2023-01-01T00:05:00Z"))).hasToString("20230101PT5M001");
        assertThat(LotId.of(LotUnit.TWELFTHS, Instant.parse("2023-01-01T00:04:59.999Z")))
                .hasToString("20230101PT5M000");
        assertThat(LotId.of(LotUnit.TWELFTHS, Instant.parse("1969-12-31T23:59:59Z")))
                .hasToString("19691231PT5M287");
    }

    @Test
    void parseReadsDateUnitAndOrdinal() {
        LotId lot = LotId.parse("20230206PT5M286");

        assertThat(lot.unit()).isEqualTo(LotUnit.TWELFTHS);
        assertThat(lot.date()).isEqualTo(LocalDate.of(2023, 2, 6));
        assertThat(lot.ordinal()).isEqualTo(286);
    }

    @Test
    void parseReversesFormat() {
        for (LotUnit unit : LotUnit.values()) {
            LotId lot = LotId.of(unit, LATE);
            assertThat(LotId.parse(lot.format())).isEqualTo(lot);
        }
    }

    @Test
    void startAndEndBoundTheIntervalInUtc() {
        LotId lot = LotId.parse("20230206PT5M286");

        assertThat(lot.start()).isEqualTo(Instant.parse("2023-02-06T23:50:00Z"));
        assertThat(lot.end()).isEqualTo(Instant.parse("2023-02-06T23:55:00Z"));
        assertThat(LotId.of(LotUnit.TWELFTHS, lot.start())).isEqualTo(lot);
        assertThat(LotId.of(LotUnit.TWELFTHS, lot.end())).isEqualTo(lot.next());
    }

    @Test
    void nextAndPreviousCrossDays() {
        assertThat(LotId.parse("20230206PT15M095").next()).hasToString("20230207PT15M000");
        assertThat(LotId.parse("20230207PT15M000").previous()).hasToString("20230206PT15M095");
        assertThat(LotId.parse("20231231PT10M143").next()).hasToString("20240101PT10M000");
    }

    @Test
    void plusStepsAnyNumberOfIntervalsInEitherDirection() {
        LotId lot = LotId.parse("20230206PT5M286");

        assertThat(lot.plus(0)).isEqualTo(lot);
        assertThat(lot.plus(2)).hasToString("20230207PT5M000");
        assertThat(lot.plus(288)).hasToString("20230207PT5M286");
        assertThat(lot.plus(-287)).hasToString("20230205PT5M287");
        assertThat(lot.plus(365L * 288)).hasToString("20240206PT5M286");
    }

    @Test
    void compareToOrdersChronologically() {
        List<LotId> lots = new ArrayList<>(List.of(LotId.parse("20230207PT5M000"), LotId.parse("20230206PT5M286"),
                LotId.parse("20230206PT5M010")));
        Collections.sort(lots);

        assertThat(lots).extracting(LotId::format)
                .containsExactly("20230206PT5M010", "20230206PT5M286", "20230207PT5M000");
        assertThat(LotId.parse("20221231PT5M287")).isLessThan(LotId.parse("20230101PT5M000"));
        assertThat(LotId.parse("20230131PT5M100")).isLessThan(LotId.parse("20230201PT5M000"));
        assertThat(LotId.parse("20240229PT5M001")).isGreaterThan(LotId.parse("20240228PT5M287"))
                .isEqualByComparingTo(LotId.parse("20240228PT5M287").plus(2));
    }

    @Test
    void hashCodeTellsEveryLotOfAYearApart_andAgreesWithEquals() {
        LotId first = LotId.parse("20230101PT5M000");
        Set<Integer> hashes = new HashSet<>();
        for (int i = 0; i < 365 * 288; i++) {
            hashes.add(first.plus(i).hashCode());
        }

        assertThat(hashes).hasSize(365 * 288);
        assertThat(LotId.parse("20230206PT5M286")).isEqualTo(LotId.parse("20230206PT5M286"))
                .hasSameHashCodeAs(LotId.parse("20230206PT5M286"));
    }

    @Test
    void compareToRejectsLotsOfDifferentUnits() {
        LotId fifteen = LotId.parse("20230206PT15M000");
        LotId five = LotId.parse("20230206PT5M000");

        assertThatThrownBy(() -> fifteen.compareTo(five))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot compare lots of different units: 20230206PT15M000 (Fourths) and 20230206PT5M000 (Twelfths)");
    }

    @Test
    void parseRejectsMalformedIds() {
        assertThatThrownBy(() -> LotId.parse("2023-02-06PT5M286"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a lot id: 2023-02-06PT5M286, expected yyyyMMdd + duration + 3-digit ordinal, e.g. 20230206PT5M286");
        assertThatThrownBy(() -> LotId.parse("20230206PT5M28"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a lot id: 20230206PT5M28,");
        assertThatThrownBy(() -> LotId.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lot id is missing, expected e.g. 20230206PT5M286");
    }

    @Test
    void parseRejectsAnUnsupportedDuration() {
        assertThatThrownBy(() -> LotId.parse("20230206PT30M001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unsupported lot duration: PT30M in lot id: 20230206PT30M001");
    }

    @Test
    void parseRejectsAnImpossibleDate() {
        assertThatThrownBy(() -> LotId.parse("20230230PT5M001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid date in lot id: 20230230PT5M001");
    }

    @Test
    void parseRejectsAnOrdinalBeyondTheDay() {
        assertThatThrownBy(() -> LotId.parse("20230206PT15M096"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lot ordinal out of range in lot id: 20230206PT15M096, Fourths have ordinals 000 to 095");
        assertThatThrownBy(() -> new LotId(LotUnit.TWELFTHS, LocalDate.of(2023, 1, 1), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lot ordinal out of range: -1, Twelfths have ordinals 000 to 287");
        assertThatThrownBy(() -> LotId.parse("20230206PT24H001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lot ordinal out of range in lot id: 20230206PT24H001, Days have ordinals 000 to 000");
    }

    @Test
    void hoursAndDaysStepAndSortLikeTheMinuteUnits() {
        LotId lastHour = LotId.parse("20230206PT1H023");
        assertThat(lastHour.next().format()).isEqualTo("20230207PT1H000");
        assertThat(lastHour.start()).isEqualTo(Instant.parse("2023-02-06T23:00:00Z"));
        assertThat(lastHour.end()).isEqualTo(Instant.parse("2023-02-07T00:00:00Z"));
        LotId day = LotId.parse("20230206PT24H000");
        assertThat(day.next().format()).isEqualTo("20230207PT24H000");
        assertThat(day.end()).isEqualTo(Instant.parse("2023-02-07T00:00:00Z"));
        assertThat(day.next().format().compareTo(day.format())).isPositive();
    }

    @Test
    void formatZeroPadsTheOrdinal() {
        assertThat(new LotId(LotUnit.SIXTHS, LocalDate.of(2023, 1, 1), 7).format()).isEqualTo("20230101PT10M007");
    }

    @Test
    void serialisesToJsonAsItsIdAndBack() throws Exception {
        LotId lot = LotId.parse("20230206PT5M286");

        String json = Json.records().writeValueAsString(lot);

        assertThat(json).isEqualTo("\"20230206PT5M286\"");
        assertThat(Json.records().readValue(json, LotId.class)).isEqualTo(lot);
    }
}

package io.clusterless.lot;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class LotRangeTest {
    private static LotId lot(String id) {
        return LotId.parse(id);
    }

    @Test
    void iteratesFromStartInclusiveToEndExclusive() {
        LotRange range = new LotRange(lot("20230206PT15M094"), lot("20230207PT15M002"));

        List<String> ids = new ArrayList<>();
        range.forEach(id -> ids.add(id.format()));

        assertThat(ids).containsExactly("20230206PT15M094", "20230206PT15M095", "20230207PT15M000", "20230207PT15M001");
        assertThat(range.size()).isEqualTo(4);
        assertThat(range.stream()).hasSize(4);
    }

    @Test
    void equalEndsMakeAnEmptyRange() {
        LotRange range = new LotRange(lot("20230206PT5M001"), lot("20230206PT5M001"));

        assertThat(range.isEmpty()).isTrue();
        assertThat(range.size()).isZero();
        assertThat(range.iterator().hasNext()).isFalse();
    }

    @Test
    void containsOnlyLotsInsideTheWindow() {
        LotRange range = new LotRange(lot("20230206PT5M010"), lot("20230206PT5M020"));

        assertThat(range.contains(lot("20230206PT5M010"))).isTrue();
        assertThat(range.contains(lot("20230206PT5M019"))).isTrue();
        assertThat(range.contains(lot("20230206PT5M020"))).isFalse();
        assertThat(range.contains(lot("20230206PT5M009"))).isFalse();
        assertThat(range.contains(lot("20230206PT15M005"))).as("other unit").isFalse();
        assertThat(range.contains(null)).isFalse();
    }

    @Test
    void ofInstantsStartsAtTheEarliestLotAndEndsBeforeTheLatestLot() {
        LotRange range = LotRange.of(LotUnit.TWELFTHS, Instant.parse("2023-02-06T00:02:00Z"),
                Instant.parse("2023-02-06T00:17:00Z"));

        assertThat(range.start()).hasToString("20230206PT5M000");
        assertThat(range.endExclusive()).hasToString("20230206PT5M003");
        assertThat(range.size()).isEqualTo(3);
    }

    @Test
    void ofInstantsInTheSameIntervalCoversThatInterval() {
        LotRange range = LotRange.of(LotUnit.TWELFTHS, Instant.parse("2023-02-06T00:01:00Z"),
                Instant.parse("2023-02-06T00:04:00Z"));

        assertThat(range.start()).hasToString("20230206PT5M000");
        assertThat(range.endExclusive()).hasToString("20230206PT5M001");
        assertThat(range.size()).isEqualTo(1);
    }

    @Test
    void ofInstantsRejectsAnInvertedWindow() {
        assertThatThrownBy(() -> LotRange.of(LotUnit.TWELFTHS, Instant.parse("2023-02-06T01:00:00Z"),
                Instant.parse("2023-02-06T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("earliest 2023-02-06T01:00:00Z is after latest 2023-02-06T00:00:00Z");
    }

    @Test
    void rejectsEndsOfDifferentUnitsOrAStartAfterTheEnd() {
        assertThatThrownBy(() -> new LotRange(lot("20230206PT5M000"), lot("20230206PT15M001")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lot range ends must share a unit: 20230206PT5M000 and 20230206PT15M001");
        assertThatThrownBy(() -> new LotRange(lot("20230206PT5M002"), lot("20230206PT5M001")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lot range start 20230206PT5M002 is after its end 20230206PT5M001");
    }

    @Test
    void aYearOfTwelfthsIteratesQuicklyAndInOrder() {
        Instant start = Instant.parse("2023-01-01T00:00:00Z");
        LotRange year = LotRange.of(LotUnit.TWELFTHS, start, start.plus(Duration.ofDays(365)));

        assertThat(year.size()).isEqualTo(105_120);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            LotId previous = null;
            long count = 0;
            for (LotId lot : year) {
                if (previous != null) {
                    assertThat(lot.start()).isEqualTo(previous.end());
                }
                previous = lot;
                count++;
            }
            assertThat(count).isEqualTo(105_120);
            assertThat(previous).hasToString("20231231PT5M287");
        });
    }
}

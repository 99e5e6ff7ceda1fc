package io.clusterless.cli.command.ops;

import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class LotStripTest {
    private static final LocalDate DAY = LocalDate.of(2023, 2, 27);

    private static LotRange lots(int from, int to) {
        return new LotRange(new LotId(LotUnit.TWELFTHS, DAY, from), new LotId(LotUnit.TWELFTHS, DAY, to));
    }

    private static SortedMap<LotId, String> states(String... ordinalAndState) {
        SortedMap<LotId, String> states = new TreeMap<>();
        for (String entry : ordinalAndState) {
            String[] parts = entry.split("=");
            states.put(new LotId(LotUnit.TWELFTHS, DAY, Integer.parseInt(parts[0])), parts[1]);
        }
        return states;
    }

    @Test
    void oneCharacterPerLot_whenTheWidthAllows_withMissingLotsAsUnderscores() {
        String strip = LotStrip.strip(lots(0, 6), states("0=complete", "1=empty", "2=partial", "4=running",
                "5=failed"), Function.identity(), 80);

        assertThat(strip).isEqualTo("#.%_>!");
    }

    @Test
    void narrowerThanTheWindow_eachCharacterShowsTheWorstOfItsLots() {
        // 288 lots (a day) in 100 characters: 3 lots a character, 96 characters
        SortedMap<LotId, String> day = new TreeMap<>();
        for (int i = 0; i < 288; i++) {
            day.put(new LotId(LotUnit.TWELFTHS, DAY, i), "complete");
        }
        day.put(new LotId(LotUnit.TWELFTHS, DAY, 4), "failed");

        LotRange wholeDay = new LotRange(new LotId(LotUnit.TWELFTHS, DAY, 0),
                new LotId(LotUnit.TWELFTHS, DAY.plusDays(1), 0));

        String strip = LotStrip.strip(wholeDay, day, Function.identity(), 100);

        assertThat(strip).hasSize(96).startsWith("#!#").matches("#!#+");
        assertThat(LotStrip.lotsPerChar(wholeDay, 100)).isEqualTo(3);
    }

    @Test
    void legend_namesEveryCharacter() {
        assertThat(LotStrip.legend()).isEqualTo("# complete  . empty  _ missing  - disabled  > running  % partial  "
                + "! failed");
    }
}

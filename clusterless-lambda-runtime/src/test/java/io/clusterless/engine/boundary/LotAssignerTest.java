package io.clusterless.engine.boundary;

import io.clusterless.lot.LotUnit;
import io.clusterless.model.core.boundary.s3put.LotSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lots from the object's modified time, the event's time, or a timestamp in the key. */
class LotAssignerTest {
    private static final Instant EVENT = Instant.parse("2023-02-06T23:52:10Z");
    private static final Instant MODIFIED = Instant.parse("2023-02-06T10:01:00Z");

    @Test
    void eventTime_truncatesTheEventTimeToTheUnit() {
        LotAssigner assigner = LotAssigner.of(LotUnit.TWELFTHS, LotSource.eventTime, null);

        assertThat(assigner.assign("k", EVENT, () -> {
            throw new AssertionError("eventTime must not HEAD the object");
        }).format()).isEqualTo("20230206PT5M286");
    }

    @Test
    void objectModifiedTime_isTheDefault_andUsesLastModified() {
        LotAssigner assigner = LotAssigner.of(LotUnit.FOURTHS, null, null);

        assertThat(assigner.source()).isEqualTo(LotSource.objectModifiedTime);
        assertThat(assigner.assign("k", EVENT, () -> Optional.of(MODIFIED)).format()).isEqualTo("20230206PT15M040");
    }

    @Test
    void objectModifiedTime_ofAVanishedObject_cannotBeAssigned() {
        LotAssigner assigner = LotAssigner.of(LotUnit.FOURTHS, LotSource.objectModifiedTime, null);

        assertThatThrownBy(() -> assigner.assign("gone.json", EVENT, Optional::empty))
                .isInstanceOf(LotAssignmentException.class)
                .hasMessageContaining("gone.json").hasMessageContaining("no longer exists");
    }

    @Test
    void keyRegex_namedGroups_giveTheTime() {
        LotAssigner assigner = LotAssigner.of(LotUnit.TWELFTHS, LotSource.keyTimestampRegex,
                "y=(?<year>\\d{4})/m=(?<month>\\d{2})/d=(?<day>\\d{2})/h=(?<hour>\\d{2})/(?<minute>\\d{2})");

        assertThat(assigner.assign("ingress/y=2023/m=02/d=06/h=23/52/part-0.json", EVENT, Optional::empty).format())
                .isEqualTo("20230206PT5M286");
    }

    @Test
    void keyRegex_optionalSecondGroup_isRead() {
        KeyTimestampRegex regex = KeyTimestampRegex.compile(
                "(?<year>\\d{4})(?<month>\\d{2})(?<day>\\d{2})-(?<hour>\\d{2})(?<minute>\\d{2})(?<second>\\d{2})?");

        assertThat(regex.timestamp("logs/20230206-235259.gz")).isEqualTo("2023-02-06T23:52:59Z");
        assertThat(regex.timestamp("logs/20230206-2352.gz")).isEqualTo("2023-02-06T23:52:00Z");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "data/2023-02-06T23:52:10Z/x.json,        2023-02-06T23:52:10Z",
            "data/2023-02-06T23:52:10.123Z/x.json,    2023-02-06T23:52:10.123Z",
            "data/2023-02-07T00:52:10+01:00/x.json,   2023-02-06T23:52:10Z",
            "data/2023-02-06T23:52:10/x.json,         2023-02-06T23:52:10Z",
            "data/20230206T235210Z/x.json,            2023-02-06T23:52:10Z",
            "data/2023-02-06/x.json,                  2023-02-06T00:00:00Z",
            "data/1675727530/x.json,                  2023-02-06T23:52:10Z",
            "data/1675727530123/x.json,               2023-02-06T23:52:10.123Z",
    })
    void keyRegex_singleGroup_holdsAnIsoTimeOrEpoch(String key, String expected) {
        KeyTimestampRegex regex = KeyTimestampRegex.compile("^data/([^/]+)/");

        assertThat(regex.timestamp(key)).isEqualTo(expected);
    }

    @Test
    void keyRegex_timestampNamedGroup_winsAmongSeveralGroups() {
        KeyTimestampRegex regex = KeyTimestampRegex.compile("(dev|prod)/(?<timestamp>\\d{13})\\.json");

        assertThat(regex.timestamp("prod/1675727530123.json")).isEqualTo("2023-02-06T23:52:10.123Z");
    }

    @Test
    void keyRegex_withoutGroups_usesTheWholeMatch() {
        assertThat(KeyTimestampRegex.compile("\\d{10}").timestamp("in/1675727530.json"))
                .isEqualTo("2023-02-06T23:52:10Z");
    }

    @Test
    void keyRegex_noMatch_isALotAssignmentError_namingKeyAndRegex() {
        LotAssigner assigner = LotAssigner.of(LotUnit.TWELFTHS, LotSource.keyTimestampRegex, "dt=(\\d{13})");

        assertThatThrownBy(() -> assigner.assign("ingress/no-time-here.json", EVENT, Optional::empty))
                .isInstanceOf(LotAssignmentException.class)
                .hasMessageContaining("ingress/no-time-here.json")
                .hasMessageContaining("dt=(\\d{13})")
                .hasMessageContaining("does not match");
    }

    @Test
    void keyRegex_matchThatIsNoTime_isALotAssignmentError() {
        KeyTimestampRegex fields = KeyTimestampRegex.compile(
                "(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})-(?<hour>\\d{2})-(?<minute>\\d{2})");
        KeyTimestampRegex value = KeyTimestampRegex.compile("t=([^/]+)/");

        assertThatThrownBy(() -> fields.timestamp("2023-13-06-23-52")).isInstanceOf(LotAssignmentException.class)
                .hasMessageContaining("not a valid time");
        assertThatThrownBy(() -> value.timestamp("t=yesterday/x")).isInstanceOf(LotAssignmentException.class)
                .hasMessageContaining("'yesterday' is not an ISO-8601 date-time or epoch");
        assertThatThrownBy(() -> value.timestamp("t=99999999999999999999/x")).isInstanceOf(LotAssignmentException.class);
    }

    @Test
    void keyRegex_beyondLotIdYears_isALotAssignmentError() {
        LotAssigner assigner = LotAssigner.of(LotUnit.TWELFTHS, LotSource.keyTimestampRegex, "t=(\\d+)");

        assertThatThrownBy(() -> assigner.assign("t=9999999999999999", EVENT, Optional::empty))
                .isInstanceOf(LotAssignmentException.class).hasMessageContaining("0000 to 9999");
    }

    @Test
    void keyRegex_unusableRegexes_failAtStart_withWhatToDo() {
        assertThatThrownBy(() -> LotAssigner.of(LotUnit.TWELFTHS, LotSource.keyTimestampRegex, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs infrequent.keyRegex");
        assertThatThrownBy(() -> KeyTimestampRegex.compile("(unclosed"))
                .hasMessageContaining("not a valid regex");
        assertThatThrownBy(() -> KeyTimestampRegex.compile("(?<year>\\d{4})/(?<month>\\d{2})"))
                .hasMessageContaining("lacks day, hour, minute");
        assertThatThrownBy(() -> KeyTimestampRegex.compile("(a)/(b)"))
                .hasMessageContaining("has 2 groups").hasMessageContaining("(?<timestamp>");
    }

    @Test
    void keyRegex_isIgnoredForOtherSources() {
        assertThat(LotAssigner.of(LotUnit.TWELFTHS, LotSource.eventTime, "(unclosed").source())
                .isEqualTo(LotSource.eventTime);
    }
}

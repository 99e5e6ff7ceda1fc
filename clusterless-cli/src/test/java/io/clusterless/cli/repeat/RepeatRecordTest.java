package io.clusterless.cli.repeat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A record reads back as written, whatever its paths hold, and anything else reads as no record. */
class RepeatRecordTest {
    private static final String KEY = "0123456789abcdef".repeat(4);

    @Test
    void pathsWithTabsNewlinesAndBackslashes_readBackAsWritten() {
        Path odd = Path.of("/tmp/a\tb\nc\\d\re \\t");
        RepeatRecord record = new RepeatRecord(KEY, odd, List.of(new Observed(Observed.Kind.FILE, odd, "x\ty"),
                new Observed(Observed.Kind.ABSENT, Path.of("/none"), "")),
                List.of(new RepeatRecord.EntryFile("a\\n.json", 12)), "out\n".getBytes(StandardCharsets.UTF_8),
                new byte[0], true);

        RepeatRecord read = RepeatRecord.parse(record.format()).orElseThrow();

        assertThat(read.key()).isEqualTo(KEY);
        assertThat(read.outdir()).isEqualTo(odd);
        assertThat(read.facts()).isEqualTo(record.facts());
        assertThat(read.entryFiles()).isEqualTo(record.entryFiles());
        assertThat(read.out()).isEqualTo(record.out());
        assertThat(read.err()).isEmpty();
        assertThat(read.timings()).isTrue();
    }

    @Test
    void aTruncatedForeignOrDamagedRecord_isNone() {
        String whole = new RepeatRecord(KEY, Path.of("/out"), List.of(), List.of(new RepeatRecord.EntryFile("m", 1)),
                new byte[0], new byte[0], false).format();
        assertThat(RepeatRecord.parse(whole)).isPresent();
        assertThat(RepeatRecord.parse(whole.substring(0, whole.length() - 1))).as("no final newline").isEmpty();
        assertThat(RepeatRecord.parse(whole.replace("cls-repeat 2", "cls-repeat 1"))).isEmpty();
        assertThat(RepeatRecord.parse(whole.replace(KEY, "not-a-key"))).isEmpty();
        assertThat(RepeatRecord.parse(whole.replace("/out", "relative"))).isEmpty();
        assertThat(RepeatRecord.parse(whole + "unknown\tline\n")).isEmpty();
        assertThat(RepeatRecord.parse(whole.replace("entry\tm\t1\n", ""))).as("no entry files").isEmpty();
        assertThat(RepeatRecord.parse("")).isEmpty();
    }

    @Test
    void onlyASynthCommandLineWithoutArgumentFiles_isLookedUpOrRecorded() {
        assertThat(FastRepeat.applies(new String[]{"--version"})).isFalse();
        assertThat(FastRepeat.applies(new String[]{"validate", "p.json"})).isFalse();
        assertThat(FastRepeat.applies(new String[]{"-v", "synth", "-p", "p.json"})).isTrue();
        assertThat(FastRepeat.applies(new String[]{"synth", "@more-options.txt"})).as("picocli reads the file")
                .isFalse();
    }
}

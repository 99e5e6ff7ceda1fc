package io.clusterless.engine.activity;

import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;

import java.time.Instant;

/**
 * The interval of logs one scheduled run exports (reference §5.8): the whole interval before the one the event time
 * falls in, {@code [cutoff − 1 unit, cutoff − 1 ms]}, named {@code export-<lot id of its start>} so that a re-run
 * of the same schedule names the same task.
 *
 * @param from inclusive
 * @param to   inclusive, as CreateExportTask reads it
 */
public record ExportWindow(String taskName, LotId lot, Instant from, Instant to) {
    public static ExportWindow before(LotUnit unit, Instant eventTime) {
        LotId lot = LotId.of(unit, eventTime).previous();
        return new ExportWindow("export-" + lot.format(), lot, lot.start(), lot.end().minusMillis(1));
    }
}

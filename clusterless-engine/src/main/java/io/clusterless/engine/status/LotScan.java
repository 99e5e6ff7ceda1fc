package io.clusterless.engine.status;

import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;

import java.util.Iterator;

import java.util.stream.Stream;

/**
 * Walks the keys of a lot-partitioned prefix ({@code …/lot=<lot>/…}) for the lots of a range, listing only: it starts
 * after the first lot's key and stops at the first key of a lot past the range, so a scan costs about one list
 * request per 1,000 keys in the range, however long the history before or after it.
 */
final class LotScan {
    private LotScan() {
    }

    /**
     * Hands {@code visitor} each key under {@code lotsPrefix} (which ends with {@code lot=}) whose lot is in
     * {@code range}, as the lot, the rest of the key after {@code <lot>/}, and the listed object (its ETag may be
     * null, see {@link ObjectStore#listKeys}).
     */
    static void scan(ObjectStore store, String bucket, String lotsPrefix, LotRange range,
                     KeyVisitor visitor) {
        if (range.isEmpty()) {
            return;
        }
        String end = range.endExclusive().format();
        // "…lot=<start>" sorts before every key of the first lot and after every key of earlier lots (ids are fixed width)
        String startAfter = lotsPrefix + range.start().format();
        // keys and times only: no ETags, which the local file store would read every file for
        try (Stream<ObjectInfo> keys = store.listKeys(bucket, lotsPrefix, startAfter)) {
            Iterator<ObjectInfo> iterator = keys.iterator();
            while (iterator.hasNext()) {
                ObjectInfo info = iterator.next();
                String rest = info.key().substring(lotsPrefix.length());
                int slash = rest.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                String lotText = rest.substring(0, slash);
                if (lotText.compareTo(end) >= 0) {
                    return; // keys are listed in order: everything after is past the range
                }
                LotId lot;
                try {
                    lot = LotId.parse(lotText);
                } catch (IllegalArgumentException notALot) {
                    continue;
                }
                if (lot.unit() == range.unit() && range.contains(lot)) {
                    visitor.visit(lot, rest.substring(slash + 1), info);
                }
            }
        }
    }

    /** Receives one listed key of a lot in the range. */
    @FunctionalInterface
    interface KeyVisitor {
        void visit(LotId lot, String rest, ObjectInfo info);
    }
}

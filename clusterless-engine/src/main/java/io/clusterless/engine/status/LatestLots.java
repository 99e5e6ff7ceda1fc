package io.clusterless.engine.status;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.manifest.ManifestState;
import io.clusterless.uri.ArcStateURI;
import io.clusterless.uri.ManifestURI;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * The newest lot of an arc or a dataset, however old, without listing its whole history: S3 lists keys only
 * forwards, so each probe lists everything after a day ({@code lot=<yyyyMMdd>} sorts before that day's lots), going
 * back 0, 1, 3, 7, 15… days until a probe finds a lot. A probe that finds one has listed every later key, so the
 * answer is exact; the cost is about log2(age in days) requests plus the keys since the newest lot's day, doubled at
 * most. Lots dated after today (a clock ahead) are found by the first probe.
 */
public final class LatestLots {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** No lot is older: lot ids are dated from the epoch on. */
    private static final LocalDate EPOCH = LocalDate.of(1970, 1, 1);
    /** By when lots end: ids of different units have no order of their own. */
    private static final Comparator<LotId> NEWER = Comparator.comparing(LotId::end).thenComparing(LotId::start);

    private LatestLots() {
    }

    /** An arc's newest lot and the state it is in. */
    public record ArcLot(LotId lot, ArcState state) {
    }

    /** @param arc the arc's state location: bucket, project, version and arc set; lot and state open */
    public static Optional<ArcLot> arc(ObjectStore store, ArcStateURI arc, LocalDate today) {
        String prefix = arc.withLot((String) null).withState(null).listPrefix();
        return newest(store, arc.bucket(), prefix, today,
                (lot, rest) -> rest.indexOf('/') < 0 && rest.endsWith(ArcState.EXTENSION))
                // read as the status report reads it: a lot with two state objects resolves as the gates resolve it
                .flatMap(lot -> Optional.ofNullable(ArcLots.scan(store, arc, single(lot)).get(lot))
                        .map(state -> new ArcLot(lot, state)));
    }

    /** A dataset's newest lot with a manifest, as {@code datasets status --list} reports it. */
    public static Optional<DatasetLot> dataset(ObjectStore store, ManifestURI dataset, LocalDate today) {
        return newest(store, dataset.bucket(), lotsPrefix(dataset), today,
                (lot, rest) -> rest.startsWith("state=") && rest.endsWith("/manifest.json"))
                .flatMap(lot -> Optional.ofNullable(DatasetLots.scan(store, dataset, single(lot)).get(lot)));
    }

    /** A dataset's newest complete lot: its current manifest is {@code complete} (a superseded one is not). */
    public static Optional<DatasetLot> complete(ObjectStore store, ManifestURI dataset, LocalDate today) {
        String complete = "state=" + ManifestState.complete.name() + "/manifest.json";
        return newest(store, dataset.bucket(), lotsPrefix(dataset), today, (lot, rest) -> rest.equals(complete))
                .flatMap(lot -> Optional.ofNullable(DatasetLots.scan(store, dataset, single(lot)).get(lot)));
    }

    private static String lotsPrefix(ManifestURI dataset) {
        return dataset.withLot((String) null).withState(null).listPrefix();
    }

    private static LotRange single(LotId lot) {
        return new LotRange(lot, lot.next());
    }

    /**
     * The newest lot under {@code lotsPrefix} (ending {@code lot=}) with a key that {@code accepts} (the lot, the
     * rest of the key after {@code <lot>/}).
     */
    static Optional<LotId> newest(ObjectStore store, String bucket, String lotsPrefix, LocalDate today,
                                  BiPredicate<LotId, String> accepts) {
        long back = 0;
        while (true) {
            LocalDate day = today.minusDays(back);
            boolean last = day.isBefore(EPOCH);
            Optional<LotId> found = newestAfter(store, bucket, lotsPrefix,
                    last ? null : lotsPrefix + DAY.format(day), accepts);
            if (found.isPresent() || last) {
                return found;
            }
            back = back * 2 + 1;
        }
    }

    private static Optional<LotId> newestAfter(ObjectStore store, String bucket, String lotsPrefix,
                                               String startAfter, BiPredicate<LotId, String> accepts) {
        LotId newest = null;
        try (Stream<ObjectInfo> keys = store.listKeys(bucket, lotsPrefix, startAfter)) {
            Iterator<ObjectInfo> iterator = keys.iterator();
            while (iterator.hasNext()) {
                String rest = iterator.next().key().substring(lotsPrefix.length());
                int slash = rest.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                LotId lot;
                try {
                    lot = LotId.parse(rest.substring(0, slash));
                } catch (IllegalArgumentException notALot) {
                    continue;
                }
                if ((newest == null || NEWER.compare(lot, newest) > 0) && accepts.test(lot, rest.substring(slash + 1))) {
                    newest = lot;
                }
            }
        }
        return Optional.ofNullable(newest);
    }
}

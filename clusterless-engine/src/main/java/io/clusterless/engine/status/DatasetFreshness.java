package io.clusterless.engine.status;

import io.clusterless.engine.store.ObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.Freshness;
import io.clusterless.uri.ManifestURI;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One dataset against its freshness targets (issue 19): its newest complete lot, that lot's age (now minus the end
 * of its interval) and the level. Empty lots do not count: they say the interval passed with nothing in it. A
 * dataset without a complete lot in the look-back (twice its longest target, at least a day) has no age, and is at
 * the worst level its targets name.
 *
 * @param lastComplete the newest complete lot found, if any
 * @param age          how old that lot's data is, if there is one
 * @param lookBack     how far back the manifests were read
 */
public record DatasetFreshness(ManifestURI dataset, Freshness targets, Optional<LotId> lastComplete,
                               Optional<Duration> age, Duration lookBack, FreshnessLevel level) {
    private static final Duration MIN_LOOK_BACK = Duration.ofDays(1);

    /** Reads the dataset's manifests in the look-back and judges its newest complete lot. */
    public static DatasetFreshness check(ObjectStore store, ManifestURI dataset, LotUnit unit, Freshness targets,
                                         Instant now) {
        Duration lookBack = lookBack(targets);
        SortedMap<LotId, DatasetLot> lots = DatasetLots.scan(store, dataset,
                LotRange.of(unit, now.minus(lookBack), now));
        Optional<LotId> last = lots.values().stream()
                .filter(lot -> lot.state() == ManifestState.complete)
                .map(DatasetLot::lot)
                .max(LotId::compareTo);
        return judge(dataset, targets, last, lookBack, now);
    }

    static DatasetFreshness judge(ManifestURI dataset, Freshness targets, Optional<LotId> last, Duration lookBack,
                                  Instant now) {
        Optional<Duration> age = last.map(lot -> Duration.between(lot.end(), now))
                .map(d -> d.isNegative() ? Duration.ZERO : d);
        return new DatasetFreshness(dataset, targets, last, age, lookBack, level(targets, age));
    }

    /** The level an age (none: no complete lot) stands at; a dataset without targets is always ok. */
    public static FreshnessLevel level(Freshness targets, Optional<Duration> age) {
        if (targets == null) {
            return FreshnessLevel.ok;
        }
        Optional<Duration> error = targets.errorAfterDuration();
        Optional<Duration> warn = targets.warnAfterDuration();
        if (error.isPresent() && (age.isEmpty() || age.get().compareTo(error.get()) > 0)) {
            return FreshnessLevel.error;
        }
        if (warn.isPresent() && (age.isEmpty() || age.get().compareTo(warn.get()) > 0)) {
            return FreshnessLevel.warn;
        }
        return FreshnessLevel.ok;
    }

    static Duration lookBack(Freshness targets) {
        Duration longest = Duration.ZERO;
        if (targets != null) {
            longest = targets.errorAfterDuration().or(targets::warnAfterDuration).orElse(Duration.ZERO);
            Duration warn = targets.warnAfterDuration().orElse(Duration.ZERO);
            if (warn.compareTo(longest) > 0) {
                longest = warn;
            }
        }
        Duration twice = longest.multipliedBy(2);
        return twice.compareTo(MIN_LOOK_BACK) > 0 ? twice : MIN_LOOK_BACK;
    }
}

package io.clusterless.engine.boundary;

import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.core.boundary.s3put.LotSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Gives an arrived object its lot (reference §5.1 step 3): the interval its time falls in, the time coming from the
 * object's last-modified time ({@code objectModifiedTime}, a HEAD request), the event's time ({@code eventTime}) or
 * the object key ({@code keyTimestampRegex}, see {@link KeyTimestampRegex}).
 */
public final class LotAssigner {
    private final LotUnit unit;
    private final LotSource source;
    private final KeyTimestampRegex keyRegex;

    private LotAssigner(LotUnit unit, LotSource source, KeyTimestampRegex keyRegex) {
        this.unit = unit;
        this.source = source;
        this.keyRegex = keyRegex;
    }

    /**
     * @param keyRegex required with {@link LotSource#keyTimestampRegex}, ignored otherwise
     * @throws IllegalArgumentException for a missing or unusable {@code keyRegex}: a deployment error, found at start
     */
    public static LotAssigner of(LotUnit unit, LotSource source, String keyRegex) {
        Objects.requireNonNull(unit, "lot unit is required");
        LotSource lotSource = source == null ? LotSource.objectModifiedTime : source;
        return new LotAssigner(unit, lotSource,
                lotSource == LotSource.keyTimestampRegex ? KeyTimestampRegex.compile(keyRegex) : null);
    }

    public LotUnit unit() {
        return unit;
    }

    public LotSource source() {
        return source;
    }

    /**
     * The lot of the object at {@code key}.
     *
     * @param eventTime    when the store reported the object
     * @param lastModified the object's last-modified time, empty if it no longer exists; only asked for
     *                     {@code objectModifiedTime}
     * @throws LotAssignmentException when no lot can be given; retrying would not change that
     */
    public LotId assign(String key, Instant eventTime, Supplier<Optional<Instant>> lastModified) {
        Instant time = switch (source) {
            case eventTime -> {
                if (eventTime == null) {
                    throw new LotAssignmentException("lotSource eventTime, but the event for '" + key + "' has no time");
                }
                yield eventTime;
            }
            case objectModifiedTime -> lastModified.get().orElseThrow(() -> new LotAssignmentException("object '"
                    + key + "' no longer exists, so its last-modified time (lotSource objectModifiedTime) is unknown"));
            case keyTimestampRegex -> keyRegex.timestamp(key);
        };
        int year = time.atOffset(ZoneOffset.UTC).getYear();
        if (year < 0 || year > 9999) {
            throw new LotAssignmentException("the time of object '" + key + "' (" + time + ", from " + source
                    + ") is outside the years 0000 to 9999 that lot ids can name");
        }
        return LotId.of(unit, time);
    }
}

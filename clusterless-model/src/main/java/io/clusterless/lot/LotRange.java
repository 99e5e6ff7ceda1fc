package io.clusterless.lot;

import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Consecutive lots of one unit, {@code start} inclusive to {@code endExclusive} exclusive; the window that status and
 * gap reports (reference §6.3) walk.
 */
public record LotRange(LotId start, LotId endExclusive) implements Iterable<LotId> {
    public LotRange {
        Objects.requireNonNull(start, "start is required");
        Objects.requireNonNull(endExclusive, "endExclusive is required");
        if (start.unit() != endExclusive.unit()) {
            throw new IllegalArgumentException("lot range ends must share a unit: " + start + " and " + endExclusive);
        }
        if (start.compareTo(endExclusive) > 0) {
            throw new IllegalArgumentException("lot range start " + start + " is after its end " + endExclusive);
        }
    }

    /**
     * The lots from the one containing {@code earliest} up to, excluding, the one containing {@code latest}. When both
     * fall in the same interval the end moves one interval later so that interval is covered (§6.3).
     */
    public static LotRange of(LotUnit unit, Instant earliest, Instant latest) {
        Objects.requireNonNull(earliest, "earliest is required");
        Objects.requireNonNull(latest, "latest is required");
        if (earliest.isAfter(latest)) {
            throw new IllegalArgumentException("earliest " + earliest + " is after latest " + latest);
        }
        LotId start = LotId.of(unit, earliest);
        LotId end = LotId.of(unit, latest);
        return new LotRange(start, start.equals(end) ? end.next() : end);
    }

    public LotUnit unit() {
        return start.unit();
    }

    /** The number of lots in the range. */
    public long size() {
        return endExclusive.index() - start.index();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Whether the lot lies in the range; a lot of another unit never does. */
    public boolean contains(LotId lot) {
        if (lot == null || lot.unit() != unit()) {
            return false;
        }
        long index = lot.index();
        return index >= start.index() && index < endExclusive.index();
    }

    /** The lots in chronological order, computed arithmetically (no parsing). */
    public Stream<LotId> stream() {
        LotUnit unit = unit();
        return LongStream.range(start.index(), endExclusive.index()).mapToObj(index -> LotId.ofIndex(unit, index));
    }

    @Override
    public Iterator<LotId> iterator() {
        return stream().iterator();
    }

    @Override
    public String toString() {
        return "[" + start + ", " + endExclusive + ")";
    }
}

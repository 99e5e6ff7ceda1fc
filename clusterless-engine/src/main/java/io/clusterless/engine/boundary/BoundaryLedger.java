package io.clusterless.engine.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.model.DatasetRef;
import io.clusterless.uri.BoundaryLedgerKeys;
import io.clusterless.uri.ManifestURI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A boundary's own records beside the manifests of its dataset, in the manifest bucket, at the keys
 * {@link BoundaryLedgerKeys} lays out: the lot's claim, late arrivals, unassigned objects and the time the boundary
 * was first placed. Every record is written with a conditional create and never changed, so duplicate deliveries write nothing new.
 * Readers of manifests skip these keys: none ends with {@code /manifest.json}.
 */
public final class BoundaryLedger {
    private static final String JSON = "application/json";

    private final ObjectStore store;
    private final String bucket;
    private final ManifestURI dataset;
    private final BoundaryLedgerKeys keys;

    public BoundaryLedger(ObjectStore store, String manifestBucket, DatasetRef dataset) {
        this.store = store;
        this.bucket = manifestBucket;
        this.dataset = ManifestURI.of(manifestBucket, dataset);
        this.keys = BoundaryLedgerKeys.of(dataset);
    }

    /** The outcome of {@link #claim}: the lot's claim, and whether it is the one proposed. */
    public record Claim(LotClaim winner, boolean ours) {
    }

    /** The manifest URI of the lot, without state: {@code …/lot=<lot>/…}. */
    public ManifestURI lotManifests(LotId lot) {
        return dataset.withLot(lot);
    }

    /** {@code datasets/name=<d>/version=<v>/lot=<lot>/}. */
    public String lotKey(LotId lot) {
        return keys.lotKeyPath(lot);
    }

    public String claimKey(LotId lot) {
        return keys.claimKey(lot);
    }

    public String lateKey(LotId lot, String objectUri) {
        return keys.lateKey(lot, objectUri);
    }

    public String unassignedKey(String objectUri) {
        return keys.unassignedKey(objectUri);
    }

    public String sinceKey() {
        return keys.sinceKey();
    }

    /** The body of {@link #sinceKey()}: the time the boundary was first placed or deployed. */
    public record Since(String since) {
    }

    /**
     * When the boundary was first placed: the recorded time, else {@code proposed}, recorded now with a conditional
     * create (never changed afterwards, so the earliest writer wins and a later placing cannot move it).
     */
    public Instant since(Instant proposed) {
        Optional<Instant> recorded = recordedSince();
        if (recorded.isPresent()) {
            return recorded.get();
        }
        if (store.createIfAbsent(bucket, sinceKey(), bytes(new Since(proposed.toString())), JSON).isPresent()) {
            return proposed;
        }
        return recordedSince().orElseThrow(() -> new IllegalStateException("s3://" + bucket + "/" + sinceKey()
                + " refused a conditional create but cannot be read; it is never deleted, check the bucket"));
    }

    public Optional<Instant> recordedSince() {
        String key = sinceKey();
        return store.get(bucket, key).map(object -> Instant.parse(read(object.body(), Since.class, key).since()));
    }

    /**
     * Claims the lot for {@code proposed}, unless it is claimed already. A repeat of the same claim (a duplicate
     * delivery) finds its own bytes and counts as ours.
     */
    public Claim claim(LotId lot, LotClaim proposed) {
        String key = claimKey(lot);
        if (store.createIfAbsent(bucket, key, bytes(proposed), JSON).isPresent()) {
            return new Claim(proposed, true);
        }
        LotClaim existing = readClaim(lot).orElseThrow(() -> new IllegalStateException("s3://" + bucket + "/" + key
                + " refused a conditional create but cannot be read; claims are never deleted, check the bucket"));
        return new Claim(existing, false);
    }

    public Optional<LotClaim> readClaim(LotId lot) {
        String key = claimKey(lot);
        return store.get(bucket, key).map(object -> read(object.body(), LotClaim.class, key));
    }

    /** Records a late arrival; false if it was recorded before (a duplicate delivery). */
    public boolean recordLate(LotId lot, LateArrival late) {
        return store.createIfAbsent(bucket, lateKey(lot, late.uri()), bytes(late), JSON).isPresent();
    }

    /** The lot's late arrivals, in key order. */
    public List<LateArrival> lateArrivals(LotId lot) {
        return store.listAll(bucket, keys.latePrefix(lot), null)
                .map(ObjectInfo::key)
                .map(key -> store.get(bucket, key).map(object -> read(object.body(), LateArrival.class, key)))
                .flatMap(Optional::stream)
                .toList();
    }

    /** Records an object with no lot; false if it was recorded before. */
    public boolean recordUnassigned(UnassignedObject unassigned) {
        return store.createIfAbsent(bucket, unassignedKey(unassigned.uri()), bytes(unassigned), JSON).isPresent();
    }

    static byte[] bytes(Object record) {
        try {
            return Json.records().writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + record.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(byte[] body, Class<T> type, String key) {
        try {
            return Json.records().readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + type.getSimpleName() + " at s3://" + bucket + "/" + key, e);
        }
    }
}

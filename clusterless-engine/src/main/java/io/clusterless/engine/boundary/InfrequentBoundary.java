package io.clusterless.engine.boundary;

import io.clusterless.engine.event.EventPublisher;
import io.clusterless.engine.filter.PathFilterMatcher;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.location.S3ObjectId;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.lot.LotId;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.UriType;
import io.clusterless.uri.ManifestURI;

import java.util.List;
import java.util.Optional;

/**
 * The infrequent S3 put boundary (reference §5.1): each S3 "Object Created" event makes its lot's manifest,
 * {@code complete} with the object, or {@code empty} when the filter drops it, then announces the lot on the arc
 * bus. Independent of Lambda; the entry point parses the event and calls {@link #handle(ObjectCreatedEvent)}.
 * <p>
 * Delivered twice, an event writes nothing new and publishes its event again: arc gates ignore a lot that is running
 * or complete, and re-publishing is what makes a crash between manifest and event recoverable by a retry.
 * A second, different object in a lot that already has a manifest is recorded as a late arrival and the call returns
 * normally (docs/adr/0001-late-arrivals.md). The lot's manifest is decided by a claim (see {@link LotClaim}), so a
 * lot never gets both an {@code empty} and a {@code complete} manifest, however events interleave.
 */
public final class InfrequentBoundary {
    private static final System.Logger LOG = System.getLogger(InfrequentBoundary.class.getName());

    private final BoundaryProps props;
    private final ObjectStore store;
    private final EventPublisher publisher;
    private final S3Location location;
    private final PathFilterMatcher filter;
    private final LotAssigner assigner;
    private final ManifestStore manifests;
    private final BoundaryLedger ledger;

    /**
     * @param store the store holding both the listened bucket (for HEAD) and the manifest bucket
     * @throws IllegalArgumentException for unusable props (e.g. a bad {@code keyRegex})
     */
    public InfrequentBoundary(BoundaryProps props, ObjectStore store, EventPublisher publisher) {
        this.props = props;
        this.store = store;
        this.publisher = publisher;
        this.location = props.location();
        this.filter = PathFilterMatcher.of(props.filter(), location.prefix());
        this.assigner = LotAssigner.of(props.lotUnit(), props.lotSource(), props.keyRegex());
        this.manifests = new ManifestStore(store);
        this.ledger = new BoundaryLedger(store, props.manifestBucket(), props.dataset());
    }

    public InfrequentOutcome handle(String eventJson) {
        return handle(ObjectCreatedEvent.parse(eventJson));
    }

    public InfrequentOutcome handle(ObjectCreatedEvent event) {
        String uri = event.uri();
        if (event.isFolderMarker()) {
            return ignored(InfrequentOutcome.Kind.FOLDER_MARKER, uri, "folder marker ignored");
        }
        if (!location.contains(new S3ObjectId(event.bucket(), event.key()))) {
            return ignored(InfrequentOutcome.Kind.OUTSIDE_DATASET, uri, "not under the dataset's "
                    + props.dataset().getPathURI());
        }
        boolean kept = filter.keeps(event.key());
        Head head = new Head(event.bucket(), event.key());
        LotId lot;
        try {
            lot = assigner.assign(event.key(), event.time(), () -> head.get().map(ObjectInfo::lastModified));
        } catch (LotAssignmentException e) {
            return unassigned(event, e.getMessage());
        }

        Manifest manifest = kept ? Manifest.complete(lot.format(), UriType.identifier, List.of(uri))
                : Manifest.empty(lot.format());
        ManifestURI manifestUri = ledger.lotManifests(lot).withState(manifest.state());
        BoundaryLedger.Claim claim = ledger.claim(lot, new LotClaim(lot.format(), manifestUri.identifier(), uri, manifest));
        if (claim.ours()) {
            // Written now or by an earlier delivery of this event; either way announce it (arc gates dedupe).
            if (!manifests.create(manifestUri, manifest)) {
                LOG.log(System.Logger.Level.WARNING, "{0} already holds a different manifest, not written under "
                        + "the claim of lot {1} by this boundary; left as it is", manifestUri.identifier(), lot);
            }
            publish(lot, manifestUri);
            return new InfrequentOutcome(InfrequentOutcome.Kind.MANIFESTED, uri, lot.format(),
                    manifestUri.identifier(), null, manifest.state() + " manifest for lot " + lot);
        }

        LotClaim winner = claim.winner();
        finishCrashedClaim(lot, winner);
        if (!kept) {
            return new InfrequentOutcome(InfrequentOutcome.Kind.FILTERED_IN_CLAIMED_LOT, uri, lot.format(),
                    winner.manifest(), null, "filtered out; lot " + lot + " already has its manifest");
        }
        LateArrival late = LateArrival.of(uri, lot.format(), event.time(),
                head.get().map(ObjectInfo::lastModified).orElse(null), winner.manifest());
        ledger.recordLate(lot, late);
        String key = ledger.lateKey(lot, uri);
        LOG.log(System.Logger.Level.WARNING, "late arrival: {0} belongs to lot {1} of {2}, whose manifest {3} was "
                + "written for {4}; recorded at s3://{5}/{6}", uri, lot, props.dataset().id(), winner.manifest(),
                winner.source(), props.manifestBucket(), key);
        return new InfrequentOutcome(InfrequentOutcome.Kind.LATE, uri, lot.format(), winner.manifest(), key,
                "late arrival in lot " + lot + ", recorded");
    }

    /**
     * Another object claimed the lot; if its handler died before writing the manifest (and its retries ran out),
     * write it and announce it now, so the lot is not left claimed but unannounced.
     */
    private void finishCrashedClaim(LotId lot, LotClaim winner) {
        ManifestURI winnerUri = ManifestURI.parse(winner.manifest());
        if (store.head(winnerUri.bucket(), winnerUri.key()).isEmpty()) {
            manifests.create(winnerUri, winner.content());
            publish(lot, winnerUri);
            LOG.log(System.Logger.Level.WARNING, "lot {0} was claimed by {1} without its manifest; wrote and announced {2}",
                    lot, winner.source(), winner.manifest());
        }
    }

    private void publish(LotId lot, ManifestURI manifestUri) {
        publisher.publish(new ArcNotifyEvent(props.dataset(), lot.format(), manifestUri.identifier()));
    }

    private InfrequentOutcome unassigned(ObjectCreatedEvent event, String reason) {
        ledger.recordUnassigned(UnassignedObject.of(event.uri(), event.time(), reason));
        String key = ledger.unassignedKey(event.uri());
        LOG.log(System.Logger.Level.ERROR, "no lot for {0}: {1}; recorded at s3://{2}/{3}", event.uri(), reason,
                props.manifestBucket(), key);
        return new InfrequentOutcome(InfrequentOutcome.Kind.UNASSIGNED, event.uri(), null, null, key, reason);
    }

    private static InfrequentOutcome ignored(InfrequentOutcome.Kind kind, String uri, String detail) {
        return new InfrequentOutcome(kind, uri, null, null, null, detail);
    }

    /** The object's HEAD, fetched at most once and only when needed. */
    private final class Head {
        private final String bucket;
        private final String key;
        private Optional<ObjectInfo> info;

        Head(String bucket, String key) {
            this.bucket = bucket;
            this.key = key;
        }

        Optional<ObjectInfo> get() {
            if (info == null) {
                info = store.head(bucket, key);
            }
            return info;
        }
    }
}

package io.clusterless.engine.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.event.EventPublisher;
import io.clusterless.engine.filter.PathFilterMatcher;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.location.S3ObjectId;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.queue.MessageQueue;
import io.clusterless.engine.queue.QueueMessage;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.UriType;
import io.clusterless.uri.ManifestURI;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The frequent S3 put boundary (reference §5.2): S3 notifications accumulate in a queue; at the end of every
 * interval a scheduled event drains it and writes the lot's manifest, {@code complete} or {@code empty} (one every
 * interval, even with no data), then announces it on the arc bus.
 * <p>
 * Order, for crash safety (docs/adr/0002-frequent-boundary-drain.md): drain without deleting, claim and write the
 * manifest, delete only the messages the manifest accounts for, then publish. A crash anywhere leaves either
 * undeleted messages (a retry or the next interval takes them) or a written manifest (a retry finds it and
 * re-publishes); no object is lost. A duplicate scheduled event finds the lot's claim, writes nothing new and
 * re-publishes.
 */
public final class FrequentBoundary {
    private static final System.Logger LOG = System.getLogger(FrequentBoundary.class.getName());
    private static final int MAX_MESSAGES = 10;

    private final BoundaryProps props;
    private final MessageQueue queue;
    private final EventPublisher publisher;
    private final S3Location location;
    private final PathFilterMatcher filter;
    private final ManifestStore manifests;
    private final BoundaryLedger ledger;

    /** @param store the store holding the manifest bucket */
    public FrequentBoundary(BoundaryProps props, ObjectStore store, MessageQueue queue,
                            EventPublisher publisher) {
        this.props = props;
        this.queue = queue;
        this.publisher = publisher;
        this.location = props.location();
        this.filter = PathFilterMatcher.of(props.filter(), location.prefix());
        this.manifests = new ManifestStore(store);
        this.ledger = new BoundaryLedger(store, props.manifestBucket(), props.dataset());
    }

    /** Runs for an EventBridge scheduled event, using its {@code time}. */
    public FrequentOutcome handle(String scheduledEventJson) {
        String time;
        try {
            JsonNode event = Json.records().readTree(scheduledEventJson);
            time = event.path("time").asText("");
        } catch (IOException e) {
            throw new IllegalArgumentException("scheduled event is not JSON: " + e.getMessage(), e);
        }
        try {
            return handle(Instant.parse(time));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("scheduled event has no ISO-8601 time, found: '" + time + "'", e);
        }
    }

    /**
     * Closes the interval before the one {@code scheduledTime} falls in.
     *
     * @param scheduledTime the scheduled event's time T; the cutoff is T truncated to the lot unit
     */
    public FrequentOutcome handle(Instant scheduledTime) {
        LotId running = LotId.of(props.lotUnit(), scheduledTime);
        Instant cutoff = running.start();
        LotId lot = running.previous();

        Drain drain = drain(cutoff);
        // An interval that ended before the boundary was first placed gets a manifest only if it has objects
        // (ADR-0007); the first run of a boundary with no record proposes this interval's start as the floor.
        Instant since = ledger.since(lot.start());
        if (drain.uris().isEmpty() && !cutoff.isAfter(since) && ledger.readClaim(lot).isEmpty()) {
            return beforePlacement(lot, drain);
        }
        Manifest proposed = drain.uris().isEmpty() ? Manifest.empty(lot.format())
                : Manifest.complete(lot.format(), UriType.identifier, List.copyOf(drain.uris()));
        ManifestURI proposedUri = ledger.lotManifests(lot).withState(proposed.state());
        BoundaryLedger.Claim claim = ledger.claim(lot, new LotClaim(lot.format(), proposedUri.identifier(), null, proposed));

        LotClaim winner = claim.winner();
        ManifestURI manifestUri = ManifestURI.parse(winner.manifest());
        // Ours: the write. Not ours: the lot was claimed by an earlier run; this repairs a run that died before writing.
        manifests.create(manifestUri, winner.content());

        // Delete only what the written manifest accounts for; the rest stays queued for a later interval.
        Set<String> accounted = new HashSet<>(winner.content().uris());
        List<QueueMessage> delete = new ArrayList<>();
        for (Map.Entry<String, QueueMessage> entry : drain.processed().entrySet()) {
            if (accounted.containsAll(drain.urisByMessage().get(entry.getKey()))) {
                delete.add(entry.getValue());
            }
        }
        queue.delete(delete);
        publisher.publish(new ArcNotifyEvent(props.dataset(), lot.format(), manifestUri.identifier()));

        int returned = drain.processed().size() - delete.size();
        if (returned > 0) {
            LOG.log(System.Logger.Level.WARNING, "lot {0} of {1} already had manifest {2} from an earlier run; {3} "
                    + "messages with objects it lacks were left in the queue for a later interval", lot,
                    props.dataset().id(), manifestUri.identifier(), returned);
        }
        release(drain, delete);
        return new FrequentOutcome(lot.format(), manifestUri.identifier(), winner.content().state(), claim.ours(),
                winner.content().uris(), drain.processed().size(), delete.size(), returned, drain.deferred().size(),
                drain.warnings());
    }

    /**
     * An empty interval from before the placement: nothing is claimed, written or published. The messages read
     * name no object of the dataset (otherwise the interval would not be empty), so they are deleted as an empty
     * manifest would account for them.
     */
    private FrequentOutcome beforePlacement(LotId lot, Drain drain) {
        List<QueueMessage> delete = List.copyOf(drain.processed().values());
        queue.delete(delete);
        // the messages after the cutoff belong to later intervals: visible again at once, as after any drain
        release(drain, delete);
        return new FrequentOutcome(lot.format(), null, null, false, List.of(), drain.processed().size(),
                drain.processed().size(), 0, drain.deferred().size(), drain.warnings());
    }

    /**
     * What the queue held for the lot. {@code processed} maps message id to the latest receipt of the message
     * (a message seen again after its visibility timeout must be deleted with its newest receipt handle).
     */
    private record Drain(Map<String, QueueMessage> processed, Map<String, Set<String>> urisByMessage,
                         Map<String, QueueMessage> deferred, TreeSet<String> uris, List<String> warnings) {
    }

    private Drain drain(Instant cutoff) {
        Drain drain = new Drain(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new TreeSet<>(),
                new ArrayList<>());
        while (true) {
            List<QueueMessage> batch = queue.receive(MAX_MESSAGES, props.sqsWaitTimeSeconds());
            boolean sawNew = false;
            for (QueueMessage message : batch) {
                if (drain.processed().containsKey(message.id())) {
                    drain.processed().put(message.id(), message);
                    continue;
                }
                if (drain.deferred().containsKey(message.id())) {
                    drain.deferred().put(message.id(), message);
                    continue;
                }
                sawNew = true;
                if (!message.sentTimestamp().isBefore(cutoff)) {
                    drain.deferred().put(message.id(), message);
                    continue;
                }
                Set<String> uris = uris(message, drain.warnings());
                drain.processed().put(message.id(), message);
                drain.urisByMessage().put(message.id(), uris);
                drain.uris().addAll(uris);
            }
            // Done when the queue is empty or holds only messages this run has already seen.
            if (!sawNew) {
                return drain;
            }
        }
    }

    /**
     * Makes the messages this run read but did not delete visible again now (ADR-0002): those after the cutoff and
     * those an earlier manifest lacks belong to later intervals, and the queue's visibility timeout (six times the
     * function timeout) would otherwise hide them for many intervals. A failure only leaves them hidden until the
     * timeout ends, so it is logged, not raised.
     */
    private void release(Drain drain, List<QueueMessage> deleted) {
        Set<String> gone = new HashSet<>();
        deleted.forEach(message -> gone.add(message.id()));
        List<QueueMessage> kept = new ArrayList<>(drain.deferred().values());
        drain.processed().values().stream().filter(message -> !gone.contains(message.id())).forEach(kept::add);
        if (kept.isEmpty()) {
            return;
        }
        try {
            queue.release(kept);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "{0} messages of {1} stay hidden until their visibility timeout "
                    + "ends: {2}", kept.size(), props.dataset().id(), e.getMessage());
        }
    }

    private Set<String> uris(QueueMessage message, List<String> warnings) {
        S3Notification notification;
        try {
            notification = S3Notification.parse(message.body());
        } catch (IllegalArgumentException e) {
            warn(warnings, "message " + message.id() + " dropped: " + e.getMessage());
            return Set.of();
        }
        for (String problem : notification.problems()) {
            warn(warnings, "message " + message.id() + ": " + problem);
        }
        Set<String> uris = new TreeSet<>();
        for (S3Notification.S3Object object : notification.objects()) {
            if (object.key().endsWith("/") || !location.contains(new S3ObjectId(object.bucket(), object.key()))
                    || !filter.keeps(object.key())) {
                continue;
            }
            uris.add(object.uri());
        }
        return uris;
    }

    private static void warn(List<String> warnings, String warning) {
        warnings.add(warning);
        LOG.log(System.Logger.Level.WARNING, warning);
    }
}

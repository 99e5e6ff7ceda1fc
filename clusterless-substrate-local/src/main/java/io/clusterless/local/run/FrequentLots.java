package io.clusterless.local.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.boundary.BoundaryLedger;
import io.clusterless.engine.boundary.FrequentBoundary;
import io.clusterless.engine.boundary.FrequentOutcome;
import io.clusterless.engine.event.EventPublisher;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.lot.LotId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

/**
 * A frequent boundary on one machine: S3 notifications of its objects go to its {@link FileMessageQueue}, and every
 * interval that ended since its first arrival is closed, in order, by the runtime's {@link FrequentBoundary}, as the
 * schedule does in AWS. Which intervals are closed is kept in {@code intervals.json} beside the queue, written after
 * each close, so a restart closes each interval once (a repeated close only re-publishes, see ADR-0002).
 * <p>
 * Intervals that ended before the boundary was first placed ({@link BoundaryLedger#since}) are closed only when
 * they hold objects, so a file dated years back (by {@code cp -p}, {@code tar} or {@code rsync -a}) gets its own lot
 * instead of an empty manifest for every interval since (ADR-0007).
 * <p>
 * An arrival is queued first and its interval recorded second. The queue is the record of what waits: opening it
 * records the first arrival of whatever it holds again, so a kill between the two writes (after which the file,
 * noticed again, is refused by the queue as already queued) still has its interval closed. See ADR-0002, "On one
 * machine".
 */
final class FrequentLots {
    private final LocalPlan.BoundaryEntry entry;
    private final FileMessageQueue queue;
    private final FrequentBoundary boundary;
    private final Path stateFile;
    /** The first interval the boundary was placed in; every interval from it on gets a manifest. */
    private final LotId placed;

    /** What the boundary has seen: the lot of its first arrival and the last interval it closed. */
    private record Intervals(String first, String closed) {
    }

    FrequentLots(LocalPlan.BoundaryEntry entry, ObjectStore store, EventPublisher bus, Path dir, Instant now) {
        this.entry = entry;
        this.queue = new FileMessageQueue(dir);
        this.boundary = new FrequentBoundary(entry.props(), store, queue, bus);
        this.stateFile = dir.resolve("intervals.json");
        BoundaryLedger ledger = new BoundaryLedger(store, entry.props().manifestBucket(), entry.props().dataset());
        this.placed = LotId.of(entry.props().lotUnit(), ledger.since(now));
        Instant earliest = queue.earliest();
        if (earliest != null) {
            recordFirstArrival(earliest); // idempotent; repairs a kill between a queue write and its record
        }
    }

    /**
     * Queues the S3 notification of an Object Created event, dated by the event's time (when the object was
     * written); the message id comes from the object and that time, so noticing the file again queues nothing.
     */
    synchronized void arrive(JsonNode event) {
        String bucket = event.path("detail").path("bucket").path("name").asText();
        String key = event.path("detail").path("object").path("key").asText();
        Instant time = Instant.parse(event.path("time").asText());
        ObjectNode notification = Json.records().createObjectNode();
        ObjectNode record = notification.putArray("Records").addObject();
        record.put("eventSource", "aws:s3");
        record.put("eventName", "ObjectCreated:Put");
        record.put("eventTime", time.toString());
        ObjectNode s3 = record.putObject("s3");
        s3.putObject("bucket").put("name", bucket);
        // keys arrive URL-encoded in S3 notifications, as the runtime's parser expects
        s3.putObject("object").put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
        if (queue.send(sha1("s3://" + bucket + "/" + key + "\t" + time.toEpochMilli()), notification.toString(), time)) {
            recordFirstArrival(time);
        }
    }

    /**
     * Closes every interval that ended by {@code now} and is not closed yet, skipping those before the placement
     * that hold no object; returns how many manifests were written.
     */
    synchronized int closeEnded(Instant now, BooleanSupplier stopping) {
        Intervals intervals = read();
        if (intervals.first() == null) {
            return 0;
        }
        LotId first = LotId.parse(intervals.first());
        LotId lot = intervals.closed() == null ? first : LotId.parse(intervals.closed()).next();
        LotId lastEnded = LotId.of(first.unit(), now).previous();
        int count = 0;
        while (lot.compareTo(lastEnded) <= 0 && !stopping.getAsBoolean()) {
            LotId holding = lot.compareTo(placed) < 0 ? nextHoldingObjects(lot) : lot;
            if (!holding.equals(lot)) {
                lot = holding; // the intervals in between are empty and before the placement: none gets a manifest
                continue;
            }
            queue.resetVisibility();
            // the scheduled event at the start of the next interval closes this one
            FrequentOutcome outcome = boundary.handle(lot.next().start());
            write(new Intervals(intervals.first(), lot.format()));
            if (outcome.manifest() != null) {
                count++;
            }
            lot = lot.next();
        }
        return count;
    }

    /**
     * The first interval from {@code lot} on that may hold a queued object, but no later than the placement's:
     * intervals close in order, so every message still queued was sent at or after the start of {@code lot}
     * (or is a late arrival, which the very next close takes).
     */
    private LotId nextHoldingObjects(LotId lot) {
        Instant earliest = queue.earliest();
        if (earliest == null) {
            return placed;
        }
        LotId holding = LotId.of(lot.unit(), earliest);
        if (holding.compareTo(lot) <= 0) {
            return lot;
        }
        return holding.compareTo(placed) < 0 ? holding : placed;
    }

    /** Objects queued whose interval has not been closed yet. */
    synchronized int waiting() {
        return queue.size();
    }

    private void recordFirstArrival(Instant time) {
        Intervals intervals = read();
        LotId lot = LotId.of(entry.props().lotUnit(), time);
        // before the first close, an earlier arrival moves the start back; after it, late objects join the next close
        if (intervals.first() == null
                || intervals.closed() == null && lot.compareTo(LotId.parse(intervals.first())) < 0) {
            write(new Intervals(lot.format(), null));
        }
    }

    private Intervals read() {
        try {
            if (!Files.exists(stateFile)) {
                return new Intervals(null, null);
            }
            return Json.records().readValue(stateFile.toFile(), Intervals.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stateFile, e);
        }
    }

    private void write(Intervals intervals) {
        try {
            Path tmp = stateFile.resolveSibling(".intervals.tmp");
            Files.write(tmp, Json.records().writeValueAsBytes(intervals));
            Files.move(tmp, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateFile, e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}

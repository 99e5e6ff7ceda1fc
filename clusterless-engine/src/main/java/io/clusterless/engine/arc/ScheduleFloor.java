package io.clusterless.engine.arc;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.uri.ArcStateURI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * When a scheduled arc's schedule began (ADR-0013, as ADR-0007 for frequent boundaries): a record in the arc-state
 * bucket, written with a conditional create and never changed, so the earliest proposal wins. {@code cls local run}
 * proposes the time it places the arc, the start gate on AWS the time of the first tick it is given. Ticks before it
 * never fire, and {@code cls gaps} counts missed ticks from it.
 */
public final class ScheduleFloor {
    private final ObjectStore store;
    private final String bucket;
    private final String key;

    /** The body of the record. */
    public record Since(String since) {
    }

    public ScheduleFloor(ObjectStore store, ArcStateURI arc) {
        this.store = store;
        this.bucket = arc.bucket();
        this.key = arc.scheduleSinceKey();
    }

    /** The recorded floor, else {@code proposed}, recorded now. */
    public Instant since(Instant proposed) {
        Optional<Instant> recorded = recorded();
        if (recorded.isPresent()) {
            return recorded.get();
        }
        try {
            if (store.createIfAbsent(bucket, key, Json.records().writeValueAsBytes(new Since(proposed.toString())),
                    "application/json").isPresent()) {
                return proposed;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the schedule floor", e);
        }
        return recorded().orElseThrow(() -> new IllegalStateException("s3://" + bucket + "/" + key + " refused a "
                + "conditional create but cannot be read; it is never deleted, check the bucket"));
    }

    public Optional<Instant> recorded() {
        return store.get(bucket, key).map(object -> {
            try {
                return Instant.parse(Json.records().readValue(object.body(), Since.class).since());
            } catch (IOException e) {
                throw new UncheckedIOException("s3://" + bucket + "/" + key + " is not a schedule floor record", e);
            }
        });
    }
}

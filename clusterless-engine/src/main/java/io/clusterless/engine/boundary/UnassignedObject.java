package io.clusterless.engine.boundary;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/**
 * An object no lot could be given to (its key does not match {@code keyRegex}, or it was gone before its time could
 * be read). Recorded as {@code datasets/name=<d>/version=<v>/unassigned/<sha-256 of uri>.json} instead of failing
 * the event into retries that cannot succeed.
 *
 * @param uri         the object
 * @param arrivalTime when the store reported it, an ISO-8601 instant
 * @param reason      why no lot was given
 */
@JsonPropertyOrder({"uri", "arrivalTime", "reason"})
public record UnassignedObject(String uri, String arrivalTime, String reason) {
    public static UnassignedObject of(String uri, Instant arrivalTime, String reason) {
        return new UnassignedObject(uri, LateArrival.text(arrivalTime), reason);
    }
}

package io.clusterless.engine.boundary;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/**
 * An object that arrived for a lot whose manifest was already written (infrequent boundary, see
 * docs/adr/0001-late-arrivals.md). Recorded under the lot as
 * {@code datasets/name=<d>/version=<v>/lot=<lot>/late/<sha-256 of uri>.json} so that listing a lot shows it.
 *
 * @param uri          the object
 * @param lot          the lot it belongs to
 * @param arrivalTime  when the store reported it (the event time), an ISO-8601 instant
 * @param lastModified the object's last-modified time, an ISO-8601 instant; null if it was gone when recorded
 * @param manifest     the lot's manifest, which does not list it
 */
@JsonPropertyOrder({"uri", "lot", "arrivalTime", "lastModified", "manifest"})
public record LateArrival(String uri, String lot, String arrivalTime, String lastModified, String manifest) {
    public static LateArrival of(String uri, String lot, Instant arrivalTime, Instant lastModified, String manifest) {
        return new LateArrival(uri, lot, text(arrivalTime), text(lastModified), manifest);
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

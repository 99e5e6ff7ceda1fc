package io.clusterless.engine.arc;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.uri.ArcStateURI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of a roll-up's lot reads (ADR-0012), as the start gate found it when it started the run: per source
 * role the covered source lots' final manifests in lot order, and the covered lots it runs without. Written once per
 * run at {@link ArcStateURI#coveredManifestsKey} in the manifest bucket, so a Batch container gets one URI however
 * many lots are covered (a job's arguments and overrides are limited to 30 KiB; a Days roll-up over Twelfths names
 * 288 manifests per role).
 *
 * @param lot              the roll-up's lot
 * @param coveredManifests role → manifest identifiers ({@code s3://…/manifest.json}); a role holding none has an empty list
 * @param missing          each covered source lot without a final manifest ({@code dataset <name>/<version> lot <lot>})
 */
public record CoveredManifests(String lot, Map<String, List<String>> coveredManifests, List<String> missing) {
    /** The variable a roll-up's Batch container finds the document's URI in (also {@code $.coveredManifestsURI}). */
    public static final String VARIABLE = "CLS_COVERED_MANIFESTS_URI";

    public CoveredManifests {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        (coveredManifests == null ? Map.<String, List<String>>of() : coveredManifests)
                .forEach((role, uris) -> copy.put(role, List.copyOf(uris)));
        coveredManifests = Collections.unmodifiableMap(copy);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /**
     * Writes the document of a run that just started; the key holds the run's attempt, so a retried write finds its
     * own bytes and no two runs share a key.
     *
     * @return the document's {@code s3://} URI
     */
    public String write(ObjectStore store, String manifestBucket, ArcStateURI arc, String attempt) {
        String key = arc.withLot(lot).coveredManifestsKey(attempt);
        try {
            byte[] body = Json.records().writeValueAsBytes(this);
            if (store.createIfAbsent(manifestBucket, key, body, "application/json").isEmpty()) {
                throw new IllegalStateException("s3://" + manifestBucket + "/" + key + " exists with other content; "
                        + "attempt " + attempt + " was given to two runs");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the covered manifests of lot " + lot, e);
        }
        return "s3://" + manifestBucket + "/" + key;
    }

    /** Reads a document {@link #write} wrote. */
    public static CoveredManifests read(ObjectStore store, String uri) {
        if (uri == null || !uri.startsWith("s3://") || uri.indexOf('/', 5) < 0) {
            throw new IllegalArgumentException("not an s3:// URI of a covered-manifests document: " + uri);
        }
        String bucket = uri.substring(5, uri.indexOf('/', 5));
        String key = uri.substring(uri.indexOf('/', 5) + 1);
        return store.get(bucket, key).map(object -> {
            try {
                return Json.records().readValue(object.body(), CoveredManifests.class);
            } catch (IOException e) {
                throw new UncheckedIOException(uri + " is not a covered-manifests document", e);
            }
        }).orElseThrow(() -> new IllegalArgumentException("no covered-manifests document at " + uri));
    }
}

package io.clusterless.engine.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.uri.ManifestURI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Manifests are written once and never overwritten: a second writer of the same lot and state finds the first
 * one's manifest and is told so. Readers ignore fields they do not know (user workloads add their own).
 */
public final class ManifestStore {
    private static final String JSON = "application/json";

    private final ObjectStore store;

    public ManifestStore(ObjectStore store) {
        this.store = store;
    }

    /** Writes {@code manifest} at {@code uri} unless a manifest is already there; true when this call wrote it. */
    public boolean create(ManifestURI uri, Manifest manifest) {
        return store.createIfAbsent(uri.bucket(), uri.key(), bytes(manifest), JSON).isPresent();
    }

    /** The manifest at an {@code s3://} identifier, if it exists. */
    public Optional<Manifest> read(String manifestUri) {
        ManifestURI uri = ManifestURI.parse(manifestUri);
        return store.get(uri.bucket(), uri.key()).map(object -> parse(object.body(), manifestUri));
    }

    /** Every manifest object of one lot (all states and attempts), in key order. */
    public List<ManifestURI> lotManifests(ManifestURI lot) {
        String prefix = lot.withAttempt(null).withState(null).keyPath();
        return store.listAll(lot.bucket(), prefix, null)
                .map(ObjectInfo::key)
                .filter(key -> key.endsWith("/" + ManifestURI.FILE))
                .map(key -> ManifestURI.parse(key).withBucket(lot.bucket()))
                .toList();
    }

    /**
     * The lot's manifest in {@code state}, if any: the current one for complete/empty (never one a replay superseded),
     * the first attempt for partial/removed.
     */
    public Optional<ManifestURI> find(ManifestURI lot, ManifestState state) {
        return lotManifests(lot).stream().filter(uri -> uri.state() == state && !uri.superseded()).findFirst();
    }

    public static byte[] bytes(Manifest manifest) {
        try {
            return Json.records().writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write manifest", e);
        }
    }

    private static Manifest parse(byte[] body, String uri) {
        try {
            return Json.records().readValue(body, Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable manifest " + uri, e);
        }
    }
}

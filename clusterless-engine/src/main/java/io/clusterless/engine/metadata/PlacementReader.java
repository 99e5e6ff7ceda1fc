package io.clusterless.engine.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.store.StoredObject;
import io.clusterless.json.Json;
import io.clusterless.naming.PlacementNames;
import io.clusterless.uri.ArcURI;
import io.clusterless.uri.RecordKind;
import io.clusterless.uri.RecordURI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a placement's metadata records (reference §4.2) by listing and reading keys of its metadata bucket through
 * the {@link ObjectStore} port, so reports read S3 and a local placement alike.
 */
public final class PlacementReader {
    private final ObjectStore store;

    public PlacementReader(ObjectStore store) {
        this.store = store;
    }

    /** Every record under {@code prefix} ({@code projects/}, {@code arcs/}, {@code datasets/}, {@code materials/}). */
    public List<JsonNode> records(String metadataBucket, String prefix) {
        return store.listAll(metadataBucket, prefix, null)
                .map(ObjectInfo::key)
                .filter(key -> key.endsWith(".json"))
                .map(key -> read(metadataBucket, key))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * The placement a metadata bucket belongs to, from its name ({@code [<stage>-]clusterless-metadata-<account>-<region>});
     * empty for any other bucket. The stage is as the bucket name has it: lower case.
     */
    public static Optional<PlacementNames> placementOf(String bucket) {
        return PlacementNames.ofMetadataBucket(bucket);
    }

    /** The deployed projects, from the keys of their project.json (listing, not reading). */
    public List<RecordURI> projects(String metadataBucket) {
        return records(metadataBucket, RecordKind.PROJECT);
    }

    public List<ArcURI> arcs(String metadataBucket) {
        return keys(metadataBucket, ArcURI.of(metadataBucket).keyPath(), ArcURI.FILE)
                .map(key -> ArcURI.parse(key).withBucket(metadataBucket)).toList();
    }

    public List<RecordURI> datasets(String metadataBucket) {
        return records(metadataBucket, RecordKind.DATASET);
    }

    private List<RecordURI> records(String bucket, RecordKind kind) {
        return keys(bucket, RecordURI.of(kind, bucket).keyPath(), kind.file())
                .map(key -> RecordURI.parse(kind, key).withBucket(bucket)).toList();
    }

    private Stream<String> keys(String bucket, String prefix, String file) {
        return store.listAll(bucket, prefix, null).map(ObjectInfo::key).filter(key -> key.endsWith("/" + file));
    }

    public Optional<JsonNode> read(String bucket, String key) {
        return store.get(bucket, key).map(StoredObject::body).map(body -> {
            try {
                return Json.records().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("s3://" + bucket + "/" + key + " is not JSON", e);
            }
        });
    }
}

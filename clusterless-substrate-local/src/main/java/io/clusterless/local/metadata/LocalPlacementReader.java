package io.clusterless.local.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.runtime.store.ObjectInfo;
import io.clusterless.runtime.store.StoredObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the metadata records of a local placement (reference §4.2) the way report commands read a placement's
 * metadata bucket in AWS: by listing and reading keys, through the same {@link io.clusterless.runtime.store.ObjectStore}
 * port.
 */
public final class LocalPlacementReader {
    private final FileObjectStore store;

    public LocalPlacementReader(Path root) {
        this.store = new FileObjectStore(root);
    }

    /** The metadata buckets under the root: names containing {@code clusterless-metadata}. */
    public List<String> metadataBuckets() {
        try (Stream<Path> buckets = Files.list(store.bucketsRoot())) {
            return buckets.map(path -> path.getFileName().toString())
                    .filter(name -> name.contains("clusterless-metadata")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + store.bucketsRoot(), e);
        }
    }

    /** Every record under {@code prefix} ({@code projects/}, {@code arcs/}, {@code datasets/}, {@code materials/}). */
    public List<JsonNode> records(String metadataBucket, String prefix) {
        return store.listAll(metadataBucket, prefix, null)
                .map(ObjectInfo::key)
                .map(key -> read(metadataBucket, key))
                .flatMap(Optional::stream)
                .toList();
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

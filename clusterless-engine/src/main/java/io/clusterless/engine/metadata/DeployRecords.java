package io.clusterless.engine.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.store.StoredObject;
import io.clusterless.json.Json;
import io.clusterless.uri.RecordKind;
import io.clusterless.uri.RecordURI;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes the deploy records of ADR-0009 in a placement's metadata bucket. */
public final class DeployRecords {
    private static final String JSON = "application/json";

    private final ObjectStore store;

    public DeployRecords(ObjectStore store) {
        this.store = store;
    }

    /** A deploy record as read, with the ETag a conditional replacement needs. */
    public record Read(String bucket, DeployRecord record, String etag) {
        public RecordURI uri() {
            return RecordURI.of(RecordKind.DEPLOY, bucket, record.project(), record.version());
        }
    }

    /** Writes {@code record} unconditionally: the command that runs cdk owns its attempt's record. */
    public void put(String bucket, DeployRecord record) {
        store.put(bucket, key(bucket, record), bytes(record), JSON);
    }

    /** Replaces the record only if it is still the one read; false when another command changed it meanwhile. */
    public boolean replace(Read read, DeployRecord next) {
        return store.replaceIfMatch(read.bucket(), key(read.bucket(), next), bytes(next), JSON, read.etag())
                .isPresent();
    }

    public Optional<Read> read(String bucket, String project, String version) {
        RecordURI uri = RecordURI.of(RecordKind.DEPLOY, bucket, project, version);
        return store.get(bucket, uri.key()).map(stored -> parse(bucket, uri.key(), stored));
    }

    /** Every deploy record of the bucket, in key order. */
    public List<Read> all(String bucket) {
        List<Read> found = new ArrayList<>();
        for (ObjectInfo info : store.listAll(bucket, RecordURI.of(RecordKind.DEPLOY, bucket).keyPath(), null).toList()) {
            if (!info.key().endsWith("/" + RecordKind.DEPLOY.file())) {
                continue;
            }
            store.get(bucket, info.key()).ifPresent(stored -> found.add(parse(bucket, info.key(), stored)));
        }
        return found;
    }

    private static Read parse(String bucket, String key, StoredObject stored) {
        try {
            return new Read(bucket, Json.records().readValue(stored.body(), DeployRecord.class), stored.info().etag());
        } catch (IOException e) {
            throw new IllegalStateException("s3://" + bucket + "/" + key + " is not a deploy record: "
                    + e.getMessage(), e);
        }
    }

    private static String key(String bucket, DeployRecord record) {
        return RecordURI.of(RecordKind.DEPLOY, bucket, record.project(), record.version()).key();
    }

    private static byte[] bytes(DeployRecord record) {
        try {
            return Json.records().writerWithDefaultPrettyPrinter().writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a deploy record", e);
        }
    }
}

package io.clusterless.engine.catalog;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The table catalog (Glue) partitions are added to. */
public interface PartitionCatalog {
    /** The table's storage descriptor, as the catalog returns it; partitions reuse it with their own location. */
    JsonNode storageDescriptor(String catalogId, String database, String table);

    /** Adds partitions (at most 100 per call); the result names the ones that failed and why. */
    List<PartitionError> addPartitions(String catalogId, String database, String table, JsonNode storageDescriptor,
                                       List<Partition> partitions);

    /** A partition's values, in partition-key order, and its location. */
    record Partition(List<String> values, String location) {
    }

    /** {@code code} is the catalog's error code, e.g. {@code AlreadyExistsException}. */
    record PartitionError(List<String> values, String code, String message) {
    }
}

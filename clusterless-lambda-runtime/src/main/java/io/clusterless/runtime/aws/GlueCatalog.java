package io.clusterless.runtime.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.catalog.PartitionCatalog;
import io.clusterless.json.Json;

import java.util.ArrayList;
import java.util.List;

/** {@link PartitionCatalog} on the Glue Data Catalog (JSON protocol: {@code GetTable}, {@code BatchCreatePartition}). */
public final class GlueCatalog implements PartitionCatalog {
    /** Glue's limit for one {@code BatchCreatePartition} call. */
    public static final int MAX_PARTITIONS_PER_CALL = 100;

    private final AwsJsonClient glue;

    public GlueCatalog(AwsClients clients) {
        this.glue = new AwsJsonClient(clients, "glue", "AWSGlue", "1.1");
    }

    /**
     * @param catalogId null or empty for the caller's account
     * @throws AwsJsonException e.g. {@code EntityNotFoundException} for a missing database or table
     */
    @Override
    public JsonNode storageDescriptor(String catalogId, String database, String table) {
        ObjectNode request = tableRequest(catalogId, database);
        request.put("Name", table);
        JsonNode descriptor = glue.call("GetTable", request).path("Table").path("StorageDescriptor");
        if (!descriptor.isObject()) {
            throw new IllegalStateException("Glue table " + database + "." + table + " has no StorageDescriptor; "
                    + "partitions need one to copy their format from");
        }
        return descriptor;
    }

    /**
     * @throws IllegalArgumentException for more than {@value #MAX_PARTITIONS_PER_CALL} partitions
     * @throws AwsJsonException         when the whole call fails (e.g. the table is gone)
     */
    @Override
    public List<PartitionError> addPartitions(String catalogId, String database, String table,
                                              JsonNode storageDescriptor, List<Partition> partitions) {
        if (partitions.size() > MAX_PARTITIONS_PER_CALL) {
            throw new IllegalArgumentException("at most " + MAX_PARTITIONS_PER_CALL + " partitions per call, found: "
                    + partitions.size());
        }
        if (partitions.isEmpty()) {
            return List.of();
        }
        ObjectNode request = tableRequest(catalogId, database);
        request.put("TableName", table);
        ArrayNode inputs = request.putArray("PartitionInputList");
        for (Partition partition : partitions) {
            ObjectNode input = inputs.addObject();
            ArrayNode values = input.putArray("Values");
            partition.values().forEach(values::add);
            ObjectNode descriptor = storageDescriptor.deepCopy();
            descriptor.put("Location", partition.location());
            input.set("StorageDescriptor", descriptor);
        }
        List<PartitionError> errors = new ArrayList<>();
        for (JsonNode error : glue.call("BatchCreatePartition", request).path("Errors")) {
            List<String> values = new ArrayList<>();
            error.path("PartitionValues").forEach(value -> values.add(value.asText()));
            JsonNode detail = error.path("ErrorDetail");
            errors.add(new PartitionError(values, detail.path("ErrorCode").asText("UnknownError"),
                    detail.path("ErrorMessage").asText("")));
        }
        return errors;
    }

    private static ObjectNode tableRequest(String catalogId, String database) {
        ObjectNode request = Json.records().createObjectNode();
        if (catalogId != null && !catalogId.isEmpty()) {
            request.put("CatalogId", catalogId);
        }
        request.put("DatabaseName", database);
        return request;
    }
}

package io.clusterless.runtime.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;

import java.util.ArrayList;
import java.util.List;

/** Creates and inspects Glue databases and tables through the Glue JSON API (of moto_server in tests). */
public final class GlueTables {
    private final AwsJsonClient glue;

    public GlueTables(AwsClients clients) {
        this.glue = new AwsJsonClient(clients, "glue", "AWSGlue", "1.1");
    }

    /** A Parquet table at {@code location}, partitioned by {@code partitionKeys} (strings). */
    public void create(String database, String table, String location, String... partitionKeys) {
        ObjectNode createDatabase = Json.records().createObjectNode();
        createDatabase.putObject("DatabaseInput").put("Name", database);
        try {
            glue.call("CreateDatabase", createDatabase);
        } catch (AwsJsonException e) {
            if (!"AlreadyExistsException".equals(e.code())) {
                throw e;
            }
        }
        ObjectNode request = Json.records().createObjectNode().put("DatabaseName", database);
        ObjectNode input = request.putObject("TableInput").put("Name", table).put("TableType", "EXTERNAL_TABLE");
        ArrayNode keys = input.putArray("PartitionKeys");
        for (String key : partitionKeys) {
            keys.addObject().put("Name", key).put("Type", "string");
        }
        ObjectNode descriptor = input.putObject("StorageDescriptor")
                .put("Location", location)
                .put("InputFormat", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                .put("OutputFormat", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat");
        descriptor.putArray("Columns").addObject().put("Name", "message").put("Type", "string");
        descriptor.putObject("SerdeInfo")
                .put("SerializationLibrary", "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        glue.call("CreateTable", request);
    }

    public void delete(String database, String table) {
        glue.call("DeleteTable", Json.records().createObjectNode().put("DatabaseName", database).put("Name", table));
    }

    /** Every partition of the table, as Glue returns them. */
    public List<JsonNode> partitions(String database, String table) {
        List<JsonNode> partitions = new ArrayList<>();
        String token = null;
        do {
            ObjectNode request = Json.records().createObjectNode().put("DatabaseName", database).put("TableName", table);
            if (token != null) {
                request.put("NextToken", token);
            }
            JsonNode response = glue.call("GetPartitions", request);
            response.path("Partitions").forEach(partitions::add);
            token = response.path("NextToken").asText(null);
        } while (token != null && !token.isEmpty());
        return partitions;
    }
}

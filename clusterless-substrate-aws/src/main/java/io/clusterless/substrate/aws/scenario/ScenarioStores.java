package io.clusterless.substrate.aws.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsJsonClient;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.substrate.aws.connection.AwsConnection;
import io.clusterless.substrate.aws.deploys.Bootstrapped;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

import java.util.Map;

/**
 * What {@code cls scenario run -P aws} asks of AWS between its cls steps: whether a placement is bootstrapped, the
 * ingress objects it puts, and the objects or Glue partitions of the stores it watches.
 */
public final class ScenarioStores {
    private final AwsConnection connection;
    private final Map<String, String> environment;

    /** @param environment the environment the connection's defaults are read from (AWS_REGION, AWS_PROFILE…) */
    public ScenarioStores(AwsConnection connection, Map<String, String> environment) {
        this.connection = connection;
        this.environment = Map.copyOf(environment);
    }

    private AwsClients clients(String region) {
        return connection.clients(environment, region);
    }

    /** The placement's metadata bucket answers a HEAD. */
    public boolean bootstrapped(PlacementNames placement) {
        return Bootstrapped.check(clients(placement.region()).s3(), placement);
    }

    /** Puts an ingress object. */
    public void put(String region, String bucket, String key, byte[] body) {
        new S3ObjectStore(clients(region).s3()).put(bucket, key, body, "text/plain");
    }

    /** The objects under the prefix; 0 when the bucket does not exist (yet). */
    public long objects(String region, String bucket, String prefix) {
        try {
            return new S3ObjectStore(clients(region).s3()).listAll(bucket, prefix, null).count();
        } catch (NoSuchBucketException e) {
            return 0;
        }
    }

    /** The partitions of a Glue table, every page. */
    public long partitions(String region, String database, String table) {
        AwsJsonClient glue = new AwsJsonClient(clients(region), "glue", "AWSGlue", "1.1");
        long partitions = 0;
        String token = null;
        do {
            ObjectNode request = Json.records().createObjectNode()
                    .put("DatabaseName", database).put("TableName", table);
            if (token != null) {
                request.put("NextToken", token);
            }
            JsonNode page = glue.call("GetPartitions", request);
            partitions += page.path("Partitions").size();
            token = page.path("NextToken").isTextual() ? page.path("NextToken").asText() : null;
        } while (token != null && !token.isEmpty());
        return partitions;
    }
}

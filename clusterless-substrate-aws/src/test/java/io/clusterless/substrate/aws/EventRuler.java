package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.event.ruler.Machine;

/** Evaluates a synthesized EventBridge pattern with AWS's own matcher, as the local bus does. */
final class EventRuler {
    private EventRuler() {
    }

    static boolean matches(JsonNode pattern, String event) {
        try {
            Machine machine = new Machine();
            machine.addRule("rule", pattern.toString());
            return !machine.rulesForJSONEvent(event).isEmpty();
        } catch (Exception e) {
            throw new AssertionError("cannot evaluate pattern " + pattern + " on " + event, e);
        }
    }

    static String s3ObjectCreated(String bucket, String key) {
        return "{\"version\":\"0\",\"id\":\"6a7e8feb\",\"detail-type\":\"Object Created\",\"source\":\"aws.s3\","
                + "\"account\":\"123456789012\",\"time\":\"2023-01-01T00:00:00Z\",\"region\":\"us-west-2\","
                + "\"resources\":[\"arn:aws:s3:::" + bucket + "\"],\"detail\":{\"version\":\"0\",\"bucket\":{\"name\":\""
                + bucket + "\"},\"object\":{\"key\":\"" + key + "\",\"size\":5,\"etag\":\"b1946ac9\"},"
                + "\"request-id\":\"57H08PA84AB1JZW0\",\"requester\":\"123456789012\",\"reason\":\"PutObject\"}}";
    }

    static String arcNotify(String datasetId) {
        return "{\"version\":\"0\",\"id\":\"e2c2\",\"detail-type\":\"Clusterless Arc Notification\","
                + "\"source\":\"clusterless.arc\",\"account\":\"123456789012\",\"time\":\"2023-01-01T00:05:00Z\","
                + "\"region\":\"us-west-2\",\"resources\":[],\"detail\":{\"datasetId\":\"" + datasetId + "\","
                + "\"lot\":\"20230101PT5M000\",\"manifest\":\"s3://m/datasets/name=x/version=y/lot=20230101PT5M000/"
                + "state=complete/manifest.json\"}}";
    }
}

package io.clusterless.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;
import io.clusterless.lot.LotUnit;

import java.util.Collection;
import java.util.TreeSet;

/**
 * The EventBridge patterns and schedules a placement listens with. The CDK stacks synthesize these strings and the
 * local bus evaluates the very same ones, so a pattern that matches locally matches on AWS.
 */
public final class EventPatterns {
    /** {@code source} of every ArcNotifyEvent (reference §4.7). */
    public static final String ARC_SOURCE = "clusterless.arc";
    /** {@code detail-type} of every ArcNotifyEvent. */
    public static final String ARC_DETAIL_TYPE = "Clusterless Arc Notification";

    private EventPatterns() {
    }

    /**
     * An arc's listener on the arc bus: any of the given {@code name/version} dataset ids. Sorted, so the
     * synthesized template does not change when sources are declared in another order.
     */
    public static String arcListener(Collection<String> datasetIds) {
        if (datasetIds.isEmpty()) {
            throw new IllegalArgumentException("an arc listener needs at least one subscribed source dataset");
        }
        ObjectNode pattern = Json.records().createObjectNode();
        pattern.putArray("source").add(ARC_SOURCE);
        pattern.putArray("detail-type").add(ARC_DETAIL_TYPE);
        ArrayNode ids = pattern.putObject("detail").putArray("datasetId");
        new TreeSet<>(datasetIds).forEach(ids::add);
        return write(pattern);
    }

    /**
     * S3's "Object Created" events on the default bus for one bucket and key prefix, written with nested detail keys
     * (the original's dotted {@code bucket.name} never matched, reference §3.5).
     */
    public static String s3ObjectCreated(String bucket, String keyPrefix) {
        ObjectNode pattern = Json.records().createObjectNode();
        pattern.putArray("source").add("aws.s3");
        pattern.putArray("detail-type").add("Object Created");
        ObjectNode detail = pattern.putObject("detail");
        detail.putObject("bucket").putArray("name").add(bucket);
        if (keyPrefix != null && !keyPrefix.isEmpty()) {
            detail.putObject("object").putArray("key").addObject().put("prefix", keyPrefix);
        }
        return write(pattern);
    }

    /** A schedule firing at the start of every interval of {@code unit}: {@code cron(0/5 * * * ? *)}. */
    public static String cron(LotUnit unit) {
        int minutes = unit.minutes();
        if (minutes < 60 && 60 % minutes == 0) {
            return "cron(0/" + minutes + " * * * ? *)";
        }
        if (minutes == 60) {
            return "cron(0 * * * ? *)";
        }
        if (minutes == 24 * 60) {
            return "cron(0 0 * * ? *)";
        }
        throw new IllegalArgumentException("a schedule needs an interval that divides an hour or is a day, found "
                + unit.displayName() + " (" + minutes + " minutes)");
    }

    private static String write(ObjectNode pattern) {
        try {
            return Json.records().writeValueAsString(pattern);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event pattern", e);
        }
    }
}

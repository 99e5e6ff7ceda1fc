package io.clusterless.substrate.aws.construct;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.substrate.aws.wire.WireValues;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.ServicePrincipal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Value objects of the CDK (durations, choice conditions, service principals) built once per JVM and shared by every
 * construct that uses an equal one. Each is immutable on node's side and renders the same wherever it is used, while
 * building one is a round trip to node (two for a value a static method returns: jsii then asks the Java package of
 * the new object). A 50-arc project builds the same conditions and durations 50 times otherwise.
 * <p>
 * jsii keeps one node process per JVM, so the objects stay valid as long as the JVM. Not for constructs, nor for
 * anything a construct changes after it is given to it.
 */
public final class BridgeValues {
    private static final Map<String, Object> VALUES = new HashMap<>();
    private static final String CONDITION = "aws-cdk-lib.aws_stepfunctions.Condition";

    private BridgeValues() {
    }

    public static Duration minutes(long minutes) {
        return value("minutes " + minutes, () -> Duration.minutes(minutes));
    }

    public static Duration hours(long hours) {
        return value("hours " + hours, () -> Duration.hours(hours));
    }

    public static Duration days(long days) {
        return value("days " + days, () -> Duration.days(days));
    }

    public static ServicePrincipal servicePrincipal(String service) {
        return value("principal " + service, () -> new ServicePrincipal(service));
    }

    /**
     * The choice condition {@code key} names (a description of it, unique among conditions), built once, as node's
     * object ({@link WireValues}): jsii would ask node the Java package of each condition it maps to Java.
     */
    public static JsonNode condition(String key, Supplier<JsonNode> build) {
        return value("condition " + key, build);
    }

    /** {@code Condition.and(a, b)}. */
    public static JsonNode and(JsonNode a, JsonNode b) {
        return WireValues.callStatic(CONDITION, "and", a, b);
    }

    /** {@code Condition.or(a, b)}. */
    public static JsonNode or(JsonNode a, JsonNode b) {
        return WireValues.callStatic(CONDITION, "or", a, b);
    }

    /** A string field equal to {@code value}; a null or absent field is simply not equal (no runtime error). */
    public static JsonNode stringIs(String path, String value) {
        return condition("string " + path + " = " + value, () -> and(
                WireValues.callStatic(CONDITION, "isString", path),
                WireValues.callStatic(CONDITION, "stringEquals", path, value)));
    }

    public static JsonNode isPresent(String path) {
        return condition("present " + path, () -> WireValues.callStatic(CONDITION, "isPresent", path));
    }

    @SuppressWarnings("unchecked")
    private static <T> T value(String key, Supplier<T> build) {
        synchronized (VALUES) {
            Object value = VALUES.get(key);
            if (value == null) {
                // not computeIfAbsent: a condition's supplier builds (and caches) the conditions it combines
                value = build.get();
                VALUES.put(key, value);
            }
            return (T) value;
        }
    }
}

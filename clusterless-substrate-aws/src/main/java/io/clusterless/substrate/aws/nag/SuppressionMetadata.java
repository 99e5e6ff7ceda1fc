package io.clusterless.substrate.aws.nag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of a resource's {@code cdk_nag} metadata entry, {@code {"rules_to_suppress": [rule, ...]}}, as cdk-nag
 * reads it: the rules already there, then the new ones, each rule once (two rules are the same when their JSON text
 * is, so key order counts), in order of first appearance.
 */
final class SuppressionMetadata {
    static final String KEY = "cdk_nag";
    static final String RULES = "rules_to_suppress";

    private SuppressionMetadata() {
    }

    /** {@code existing} (the entry's current value, or null) with {@code suppressions} added. */
    static Map<String, Object> merged(Object existing, List<Suppression> suppressions) {
        List<Object> rules = new ArrayList<>();
        List<Object> texts = new ArrayList<>();
        for (Object rule : existingRules(existing)) {
            add(rules, texts, rule);
        }
        for (Suppression suppression : suppressions) {
            add(rules, texts, suppression.metadata());
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put(RULES, rules);
        return value;
    }

    private static void add(List<Object> rules, List<Object> texts, Object rule) {
        Object text = ordered(rule);
        if (!texts.contains(text)) {
            texts.add(text);
            rules.add(rule);
        }
    }

    private static List<?> existingRules(Object existing) {
        // like cdk-nag: anything but an object holding the list counts as no rules yet
        if (!(existing instanceof Map<?, ?> map) || map.get(RULES) == null) {
            return List.of();
        }
        if (map.get(RULES) instanceof List<?> list) {
            return list;
        }
        throw new IllegalStateException("the " + KEY + " metadata's " + RULES + " is not a list: " + map.get(RULES));
    }

    /** A value whose equals is that of its JSON text: a map becomes its fields in their order. */
    private static Object ordered(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<Field> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(new Field(k, ordered(v))));
            return new JsonObject(fields);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(ordered(item)));
            return items;
        }
        return value;
    }

    private record Field(Object name, Object value) {
    }

    private record JsonObject(List<Field> fields) {
    }
}

package io.clusterless.model.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Lays a user's tree over a component's defaults: objects merge field by field, any other value (arrays
 * included) replaces the default, and an explicit null keeps it. A partial {@code runtimeProps} thus keeps the
 * component's own defaults for the fields it leaves out (the original replaced the whole object).
 */
public final class TreeMerge {
    private TreeMerge() {
    }

    public static JsonNode merge(JsonNode defaults, JsonNode user) {
        if (user == null || user.isNull()) {
            return defaults == null ? user : defaults.deepCopy();
        }
        if (defaults == null || !defaults.isObject() || !user.isObject()) {
            return user.deepCopy();
        }
        ObjectNode merged = ((ObjectNode) defaults).deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = user.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            merged.set(entry.getKey(), merge(defaults.get(entry.getKey()), entry.getValue()));
        }
        return merged;
    }
}

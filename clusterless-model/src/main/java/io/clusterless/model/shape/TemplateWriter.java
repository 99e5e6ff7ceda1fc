package io.clusterless.model.shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * A fill-in template of a model element: every field with its default, nested objects expanded, unset values null.
 * With {@code requiredOnly}, just the required fields (and the objects that hold them).
 */
public final class TemplateWriter {
    private TemplateWriter() {
    }

    public static ObjectNode template(Shape.ObjectShape shape, JsonNode defaults, boolean requiredOnly) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, Shape.Property> entry : shape.properties().entrySet()) {
            Shape.Property property = entry.getValue();
            JsonNode value = defaults == null ? null : defaults.get(entry.getKey());
            if (property.shape() instanceof Shape.ObjectShape nested) {
                ObjectNode child = template(nested, value, requiredOnly);
                if (!requiredOnly || property.required() || !child.isEmpty()) {
                    node.set(entry.getKey(), child);
                }
                continue;
            }
            if (requiredOnly && !property.required()) {
                continue;
            }
            if (value != null && !value.isNull()) {
                node.set(entry.getKey(), value.deepCopy());
            } else if (property.shape() instanceof Shape.ArrayShape || property.shape() instanceof Shape.ComponentList) {
                node.putArray(entry.getKey());
            } else if (property.shape() instanceof Shape.Scalar scalar && scalar.kind() == Shape.ScalarKind.BOOLEAN) {
                node.put(entry.getKey(), false); // an unset Java boolean field is false
            } else if (property.shape() instanceof Shape.MapShape) {
                node.putObject(entry.getKey());
            } else {
                node.putNull(entry.getKey());
            }
        }
        return node;
    }
}

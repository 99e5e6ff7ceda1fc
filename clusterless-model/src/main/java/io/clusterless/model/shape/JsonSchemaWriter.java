package io.clusterless.model.shape;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.model.Deployable;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.ComponentType;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the JSON Schema (draft 2020-12) of project files from the same shapes the loader checks with, so the
 * schema accepts exactly what `cls validate` accepts structurally.
 */
public final class JsonSchemaWriter {
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ComponentRegistry registry;
    private final ObjectNode defs = NODES.objectNode();

    public JsonSchemaWriter(ComponentRegistry registry) {
        this.registry = registry;
    }

    public ObjectNode write() {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", "https://clusterless.io/schema/project.json");
        schema.put("title", "clusterless project");
        schema.put("description", "A clusterless project file: a project placed in one placement, with its "
                + "resources, activities, boundaries and arcs.");
        ObjectNode root = objectSchema(Shapes.of(Deployable.class));
        root.fields().forEachRemaining(e -> schema.set(e.getKey(), e.getValue()));
        schema.set("$defs", defs);
        return schema;
    }

    private ObjectNode objectSchema(Shape.ObjectShape shape) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (Map.Entry<String, Shape.Property> entry : shape.properties().entrySet()) {
            Shape.Property property = entry.getValue();
            ObjectNode schema = schemaOf(property.shape(), !property.required() && ShapeChecker.nullable(property.shape()));
            if (property.description() != null) {
                schema.put("description", property.description());
            }
            properties.set(entry.getKey(), schema);
            if (property.required()) {
                required.add(entry.getKey());
            }
        }
        if (!required.isEmpty()) {
            node.set("required", required);
        }
        node.put("additionalProperties", false);
        return node;
    }

    private ObjectNode schemaOf(Shape shape, boolean nullable) {
        ObjectNode node = NODES.objectNode();
        if (shape instanceof Shape.Scalar scalar) {
            ArrayNode types = NODES.arrayNode();
            switch (scalar.kind()) {
                case STRING -> types.add("string").add("number");
                case INTEGER -> types.add("integer");
                case NUMBER -> types.add("number");
                case BOOLEAN -> types.add("boolean");
                case ANY -> {
                    return node;
                }
            }
            if (nullable) {
                types.add("null");
            }
            node.set("type", types.size() == 1 ? types.get(0) : types);
        } else if (shape instanceof Shape.Enumeration enumeration) {
            node.put("type", "string");
            ArrayNode values = node.putArray("enum");
            variants(enumeration).forEach(values::add);
        } else if (shape instanceof Shape.ObjectShape object) {
            String name = object.type().getSimpleName();
            if (!defs.has(name)) {
                defs.putObject(name); // reserve first: shapes may share nested types
                defs.set(name, objectSchema(object));
            }
            node.put("$ref", "#/$defs/" + name);
        } else if (shape instanceof Shape.ArrayShape array) {
            node.put("type", "array");
            node.set("items", schemaOf(array.items(), false));
        } else if (shape instanceof Shape.MapShape map) {
            node.put("type", "object");
            node.set("additionalProperties", schemaOf(map.values(), false));
        } else if (shape instanceof Shape.ComponentList list) {
            node.put("type", "array");
            if (list.kind() == ComponentKind.BARRIER) {
                node.put("maxItems", 0);
            } else {
                node.set("items", componentSchema(list.kind()));
            }
        }
        return node;
    }

    private ObjectNode componentSchema(ComponentKind kind) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "object");
        node.putArray("required").add("type");
        ArrayNode ids = node.putObject("properties").putObject("type").putArray("enum");
        ArrayNode allOf = node.putArray("allOf");
        for (ComponentType type : registry.ofKind(kind)) {
            ids.add(type.id());
            ObjectNode branch = allOf.addObject();
            branch.putObject("if").putObject("properties").putObject("type").put("const", type.id());
            ObjectNode then = schemaOf(Shapes.of(type.modelClass()), false);
            then.put("description", type.synopsis());
            branch.set("then", then);
        }
        return node;
    }

    /** Enum values bind case-insensitively; the schema lists the usual spellings. */
    private static Set<String> variants(Shape.Enumeration enumeration) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : enumeration.values()) {
            values.add(value);
            values.add(value.toLowerCase(Locale.ROOT));
            values.add(value.toUpperCase(Locale.ROOT));
            values.add(Character.toUpperCase(value.charAt(0)) + value.substring(1));
        }
        return values;
    }
}

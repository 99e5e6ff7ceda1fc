package io.clusterless.model.shape;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.ComponentType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a project tree against the model's shapes and reports every mismatch: unknown fields, missing required
 * fields, wrong value types, unknown or misplaced component types.
 */
public final class ShapeChecker {
    private final ComponentRegistry registry;
    private final List<Finding> findings = new ArrayList<>();

    public ShapeChecker(ComponentRegistry registry) {
        this.registry = registry;
    }

    public List<Finding> check(JsonNode root, Shape.ObjectShape shape) {
        findings.clear();
        checkObject(root, shape, FieldPath.root());
        return List.copyOf(findings);
    }

    /** Checks one component element; returns its type when known. */
    public Optional<ComponentType> checkComponent(JsonNode element, ComponentKind kind, FieldPath path,
                                                  List<Finding> sink) {
        findings.clear();
        Optional<ComponentType> type = component(element, kind, path);
        sink.addAll(findings);
        return type;
    }

    private void check(JsonNode node, Shape shape, FieldPath path) {
        if (shape instanceof Shape.Scalar scalar) {
            checkScalar(node, scalar, path);
        } else if (shape instanceof Shape.Enumeration enumeration) {
            checkEnum(node, enumeration, path);
        } else if (shape instanceof Shape.ObjectShape object) {
            checkObject(node, object, path);
        } else if (shape instanceof Shape.ArrayShape array) {
            if (!node.isArray()) {
                mismatch(path, "an array", node);
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), array.items(), path.index(i));
            }
        } else if (shape instanceof Shape.MapShape map) {
            if (!node.isObject()) {
                mismatch(path, "an object", node);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                check(entry.getValue(), map.values(), path.field(entry.getKey()));
            }
        } else if (shape instanceof Shape.ComponentList list) {
            checkComponents(node, list.kind(), path);
        }
    }

    private void checkObject(JsonNode node, Shape.ObjectShape shape, FieldPath path) {
        if (!node.isObject()) {
            mismatch(path, "an object", node);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            Shape.Property property = shape.properties().get(name);
            if (property == null) {
                unknownField(shape, path.field(name), name);
                continue;
            }
            if (entry.getValue().isNull()) {
                // optional text may be null ("no stage"); a required field left null is reported below
                if (!property.required() && !nullable(property.shape())) {
                    findings.add(Finding.atValue(path.field(name), "expected " + property.shape().describe()
                            + ", found null; remove the field to use its default"));
                }
                continue;
            }
            check(entry.getValue(), property.shape(), path.field(name));
        }
        for (Shape.Property property : shape.properties().values()) {
            if (property.required()) {
                JsonNode value = node.get(property.name());
                if (value == null || value.isNull()) {
                    findings.add(Finding.atValue(path, "missing required field \"" + property.name() + "\""
                            + describeRequired(property)));
                }
            }
        }
    }

    /** Optional values that may be written as null: text, and free-form values. */
    public static boolean nullable(Shape shape) {
        return shape instanceof Shape.Scalar scalar
                && (scalar.kind() == Shape.ScalarKind.STRING || scalar.kind() == Shape.ScalarKind.ANY);
    }

    private static String describeRequired(Shape.Property property) {
        return property.description() == null ? "" : " (" + stripPeriod(property.description()) + ")";
    }

    private static String stripPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private void unknownField(Shape.ObjectShape shape, FieldPath path, String name) {
        String suggestion = Suggestions.closest(name, shape.properties().keySet());
        String known = String.join(", ", shape.properties().keySet());
        findings.add(Finding.atKey(path, "unknown field \"" + name + "\""
                + (suggestion != null ? "; did you mean \"" + suggestion + "\"?" : ";")
                + " known fields: " + known));
    }

    private void checkScalar(JsonNode node, Shape.Scalar scalar, FieldPath path) {
        boolean ok = switch (scalar.kind()) {
            // numbers are accepted where text is expected: YAML reads `version: 20230101` as a number
            case STRING -> node.isTextual() || node.isNumber();
            case INTEGER -> node.isIntegralNumber() && node.canConvertToInt()
                    || node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0 && node.canConvertToInt();
            case NUMBER -> node.isNumber();
            case BOOLEAN -> node.isBoolean();
            case ANY -> true;
        };
        if (!ok) {
            if (scalar.kind() == Shape.ScalarKind.INTEGER && node.isIntegralNumber()) {
                findings.add(Finding.atValue(path, "number " + node.asText() + " is out of range"));
                return;
            }
            String hint = scalar.kind() == Shape.ScalarKind.STRING && node.isBoolean()
                    ? " (in YAML, quote values such as yes, no, on, off)" : "";
            mismatch(path, scalar.describe(), node, hint);
        }
    }

    private void checkEnum(JsonNode node, Shape.Enumeration enumeration, FieldPath path) {
        if (!node.isTextual()) {
            mismatch(path, "a string, " + enumeration.describe(), node);
            return;
        }
        String text = node.textValue();
        boolean known = enumeration.values().stream().anyMatch(v -> v.equalsIgnoreCase(text));
        if (!known) {
            String suggestion = Suggestions.closest(text, enumeration.values());
            findings.add(Finding.atValue(path, "\"" + text + "\" is not " + enumeration.describe()
                    + (suggestion != null ? "; did you mean \"" + suggestion + "\"?" : "")));
        }
    }

    private void checkComponents(JsonNode node, ComponentKind kind, FieldPath path) {
        if (!node.isArray()) {
            mismatch(path, "an array of " + kind.displayName() + " objects", node);
            return;
        }
        if (kind == ComponentKind.BARRIER) {
            if (!node.isEmpty()) {
                findings.add(Finding.atValue(path.index(0), "barriers are not supported yet; remove the "
                        + "\"barriers\" entries (an arc per source dataset runs each lot independently)"));
            }
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            component(node.get(i), kind, path.index(i));
        }
    }

    private Optional<ComponentType> component(JsonNode element, ComponentKind kind, FieldPath path) {
        if (!element.isObject()) {
            mismatch(path, "a " + kind.displayName() + " object", element);
            return Optional.empty();
        }
        JsonNode typeNode = element.get("type");
        if (typeNode == null || typeNode.isNull()) {
            findings.add(Finding.atValue(path, "missing required field \"type\"; a " + kind.displayName()
                    + " needs one of: " + typeIds(kind)));
            return Optional.empty();
        }
        if (!typeNode.isTextual()) {
            mismatch(path.field("type"), "a string", typeNode);
            return Optional.empty();
        }
        String id = typeNode.textValue();
        Optional<ComponentType> type = registry.find(id);
        if (type.isEmpty()) {
            Optional<ComponentType> caseless = registry.findIgnoreCase(id);
            String suggestion = caseless.map(ComponentType::id)
                    .orElseGet(() -> Suggestions.closest(id, registry.all().stream().map(ComponentType::id).toList()));
            findings.add(Finding.atValue(path.field("type"), "unknown component type \"" + id + "\""
                    + (suggestion != null ? "; did you mean \"" + suggestion + "\"?" : "")
                    + " Known " + kind.displayName() + " types: " + typeIds(kind)));
            return Optional.empty();
        }
        if (type.get().kind() != kind) {
            findings.add(Finding.atValue(path.field("type"), "\"" + id + "\" is " + article(type.get().kind())
                    + " type; list it under \"" + type.get().kind().listField() + "\", not \"" + kind.listField()
                    + "\""));
            return Optional.empty();
        }
        checkObject(element, Shapes.of(type.get().modelClass()), path);
        return type;
    }

    private String typeIds(ComponentKind kind) {
        String ids = registry.ofKind(kind).stream().map(ComponentType::id).collect(Collectors.joining(", "));
        return ids.isEmpty() ? "(none)" : ids;
    }

    private static String article(ComponentKind kind) {
        String name = kind.displayName();
        return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    private void mismatch(FieldPath path, String expected, JsonNode found) {
        mismatch(path, expected, found, "");
    }

    private void mismatch(FieldPath path, String expected, JsonNode found, String hint) {
        findings.add(Finding.atValue(path, "expected " + expected + ", found " + describe(found) + hint));
    }

    static String describe(JsonNode node) {
        String text = switch (node.getNodeType()) {
            case STRING -> "string \"" + abbreviate(node.textValue()) + "\"";
            case NUMBER -> "number " + node.asText();
            case BOOLEAN -> "boolean " + node.asText();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
        return text;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}

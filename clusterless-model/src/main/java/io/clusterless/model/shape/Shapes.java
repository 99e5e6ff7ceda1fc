package io.clusterless.model.shape;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.clusterless.json.Json;
import io.clusterless.model.component.ComponentKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Derives {@link Shape}s from model classes through Jackson's own view of their properties. */
public final class Shapes {
    private static final Map<Class<?>, Shape.ObjectShape> CACHE = new ConcurrentHashMap<>();

    private Shapes() {
    }

    public static Shape.ObjectShape of(Class<?> type) {
        Shape.ObjectShape cached = CACHE.get(type);
        if (cached != null) {
            return cached;
        }
        DeserializationConfig config = Json.model().getDeserializationConfig();
        Shape.ObjectShape shape = build(config, config.constructType(type));
        CACHE.putIfAbsent(type, shape);
        return shape;
    }

    private static Shape.ObjectShape build(DeserializationConfig config, JavaType type) {
        BeanDescription description = config.introspect(type);
        Map<String, Shape.Property> properties = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (!property.couldDeserialize()) {
                continue;
            }
            JavaType propertyType = property.getPrimaryType();
            properties.put(property.getName(), new Shape.Property(property.getName(),
                    shapeOf(config, property.getName(), propertyType), property.isRequired(),
                    property.getMetadata().getDescription()));
        }
        return new Shape.ObjectShape(type.getRawClass(), properties);
    }

    private static Shape shapeOf(DeserializationConfig config, String name, JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == String.class) {
            return new Shape.Scalar(Shape.ScalarKind.STRING);
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == BigInteger.class) {
            return new Shape.Scalar(Shape.ScalarKind.INTEGER);
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || raw == BigDecimal.class) {
            return new Shape.Scalar(Shape.ScalarKind.NUMBER);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return new Shape.Scalar(Shape.ScalarKind.BOOLEAN);
        }
        if (JsonNode.class.isAssignableFrom(raw) || raw == Object.class) {
            return new Shape.Scalar(Shape.ScalarKind.ANY);
        }
        if (raw.isEnum()) {
            return new Shape.Enumeration(Arrays.stream(raw.getEnumConstants()).map(Shapes::enumText).toList());
        }
        if (type.isCollectionLikeType() && Collection.class.isAssignableFrom(raw)) {
            ComponentKind kind = ComponentKind.ofListField(name);
            JavaType content = type.getContentType();
            if (kind != null && kind.baseClass().isAssignableFrom(content.getRawClass())) {
                return new Shape.ComponentList(kind);
            }
            return new Shape.ArrayShape(shapeOf(config, name, content));
        }
        if (type.isMapLikeType()) {
            return new Shape.MapShape(shapeOf(config, name, type.getContentType()));
        }
        Shape.ObjectShape cached = CACHE.get(raw);
        if (cached != null) {
            return cached;
        }
        Shape.ObjectShape built = build(config, type);
        CACHE.putIfAbsent(raw, built);
        return built;
    }

    private static String enumText(Object constant) {
        for (var method : constant.getClass().getDeclaredMethods()) {
            if (method.isAnnotationPresent(JsonValue.class)) {
                try {
                    return String.valueOf(method.invoke(constant));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return ((Enum<?>) constant).name();
    }
}
